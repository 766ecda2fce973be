package fr.manche.tna.loan.web;

import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.inventory.Periods;
import fr.manche.tna.inventory.Reservation;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.OwnUse;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.Logs;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.time.ParisTime;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's page {@code /usage-du-departement} (guarded as every staff page), R11: the département blocks an item
 * for its own use ({@link OwnUse#block}); the page says which pending requests were refused because of it. The
 * equipment managers and the administrators act, the other staff read. Bad input gets a French message next to its
 * field and changes nothing.
 */
@Controller
class OwnUseController {

  static final String PATH = "/usage-du-departement";
  private static final Logger LOG = LoggerFactory.getLogger(OwnUseController.class);

  private final OwnUse ownUse;
  private final Catalogue catalogue;
  private final LoanRequestService requests;
  private final LoanViews views;

  OwnUseController(OwnUse ownUse, Catalogue catalogue, LoanRequestService requests, LoanViews views) {
    this.ownUse = ownUse;
    this.catalogue = catalogue;
    this.requests = requests;
    this.views = views;
  }

  /** The form's fields, by their names in the page (an absent field reads as empty). */
  public record BlockFields(String materiel, String premierJour, String dernierJour, String motif) {
    public BlockFields {
      materiel = materiel == null ? "" : materiel;
      premierJour = premierJour == null ? "" : premierJour;
      dernierJour = dernierJour == null ? "" : dernierJour;
      motif = motif == null ? "" : motif;
    }
  }

  /** A block as the page lists it. */
  public record BlockRow(long id, String item, String period, String reason) {}

  @GetMapping(PATH)
  String page(@RequestAttribute("currentUser") CurrentUser user, Model model) {
    return render(model, user, new BlockFields("", "", "", ""), Map.of());
  }

  @PostMapping(PATH)
  String block(@ModelAttribute BlockFields fields, @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    Map<String, String> errors = check(fields);
    if (errors.isEmpty()) {
      try {
        OwnUse.Block block = ownUse.block(fields.materiel(), fields.premierJour(), fields.dernierJour(), fields.motif(),
            user.userId());
        redirect.addFlashAttribute("message", confirmation(block));
        return "redirect:" + PATH;
      } catch (InvalidInputException refused) {
        errors.put("materiel", refused.getMessage());
      }
    }
    LOG.info("Blocage pour l'usage du Département refusé : {}", Logs.safe(String.join(" ", errors.values())));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return render(model, user, fields, errors);
  }

  @PostMapping(PATH + "/{id}/lever")
  String unblock(@PathVariable String id, @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response, RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    try {
      if (!id.matches("\\d{1,18}")) {
        throw new InvalidInputException("Cette réservation pour l'usage du Département n'existe pas.");
      }
      Reservation reservation = ownUse.currentBlocks().stream().filter(block -> block.id() == Long.parseLong(id)).findFirst()
          .orElse(null);
      ownUse.unblock(Long.parseLong(id), user.userId());
      redirect.addFlashAttribute("message", reservation == null ? "Réservation levée."
          : "Réservation levée : le matériel n° " + itemNumber(reservation.itemId()) + " est de nouveau libre "
              + Periods.french(reservation.first(), reservation.last()) + ".");
    } catch (InvalidInputException refused) {
      redirect.addFlashAttribute("erreur", refused.getMessage());
    }
    return "redirect:" + PATH;
  }

  /** Each field on its own, so that its message stands next to it; the service checks everything again. */
  private Map<String, String> check(BlockFields fields) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (fields.materiel().isBlank()) {
      errors.put("materiel", "Choisissez le matériel à réserver.");
    } else if (catalogue.itemNumbered(fields.materiel().trim().toUpperCase(Locale.ROOT)).isEmpty()) {
      errors.put("materiel", "Aucun matériel ne porte le numéro d'inventaire « " + fields.materiel().trim() + " ».");
    }
    LocalDate first = null;
    try {
      first = ParisTime.parseDate(fields.premierJour(), "Premier jour");
      if (first.isBefore(ParisTime.today())) {
        errors.put("premierJour", "Le premier jour (" + ParisTime.formatDate(first) + ") est passé.");
      }
    } catch (InvalidInputException refused) {
      errors.put("premierJour", refused.getMessage());
    }
    try {
      LocalDate last = ParisTime.parseDate(fields.dernierJour(), "Dernier jour");
      if (first != null && last.isBefore(first)) {
        errors.put("dernierJour", "Le dernier jour (" + ParisTime.formatDate(last) + ") précède le premier ("
            + ParisTime.formatDate(first) + ").");
      }
    } catch (InvalidInputException refused) {
      errors.put("dernierJour", refused.getMessage());
    }
    try {
      Inputs.required(fields.motif(), "Motif", 100);
    } catch (InvalidInputException refused) {
      errors.put("motif", refused.getMessage());
    }
    return errors;
  }

  private String confirmation(OwnUse.Block block) {
    Reservation reservation = block.reservation();
    String done = "Le matériel n° " + itemNumber(reservation.itemId()) + " est réservé pour le Département "
        + Periods.french(reservation.first(), reservation.last()) + ".";
    if (block.preemptedRequests().isEmpty()) {
      return done + " Aucune demande de prêt en attente ne portait sur ces jours.";
    }
    Map<Long, String> names = views.organisationNames();
    String refused = block.preemptedRequests().stream().map(requests::find)
        .map(loan -> "n° " + loan.id() + " (" + names.getOrDefault(loan.organisationId(), "structure inconnue") + ")")
        .collect(Collectors.joining(", "));
    return done + (block.preemptedRequests().size() == 1
        ? " Cette demande de prêt en attente a été refusée, et sa structure prévenue par courriel : "
        : " Ces demandes de prêt en attente ont été refusées, et leurs structures prévenues par courriel : ") + refused + ".";
  }

  private String render(Model model, CurrentUser user, BlockFields fields, Map<String, String> errors) {
    List<Item> items = catalogue.items().stream().filter(item -> item.status() == ItemStatus.AVAILABLE)
        .sorted(Comparator.comparing(Item::typeName).thenComparing(Item::inventoryNumber)).toList();
    model.addAttribute("items", items);
    model.addAttribute("blocks", ownUse.currentBlocks().stream()
        .map(block -> new BlockRow(block.id(), itemName(block.itemId()), Periods.french(block.first(), block.last()),
            block.reference()))
        .toList());
    model.addAttribute("fields", fields);
    model.addAttribute("errors", errors);
    model.addAttribute("mayAct", user.managesEquipment());
    return "loan/usage-du-departement";
  }

  private String itemNumber(long itemId) {
    return catalogue.item(itemId).map(Item::inventoryNumber).orElse("?");
  }

  private String itemName(long itemId) {
    return catalogue.item(itemId).map(item -> item.typeName() + " — n° " + item.inventoryNumber()).orElse("?");
  }

}
