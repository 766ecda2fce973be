package fr.manche.tna.inventory.web;

import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.CatalogueCsv;
import fr.manche.tna.inventory.EquipmentType;
import fr.manche.tna.inventory.InvalidItemException;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemDraft;
import fr.manche.tna.inventory.ItemField;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.inventory.Maintenance;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.time.ParisTime;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of the catalogue ({@code /materiel}, guarded as every staff page): every staff member reads it; the
 * equipment managers and the administrators change it (items, statuses, types, CSV import). A refused input is
 * shown again with a French message next to each field at fault, and changes nothing.
 */
@Controller
class CatalogueController {

  private final Catalogue catalogue;
  private final CatalogueCsv csv;
  private final Maintenance maintenance;

  CatalogueController(Catalogue catalogue, CatalogueCsv csv, Maintenance maintenance) {
    this.catalogue = catalogue;
    this.csv = csv;
    this.maintenance = maintenance;
  }

  @GetMapping("/materiel")
  String list(@RequestAttribute("currentUser") CurrentUser user, Model model) {
    return list(user, model, null, null, Map.of());
  }

  /** The page, with the maintenance settings of one type as typed and refused (or none). */
  private String list(CurrentUser user, Model model, Long refusedType, Maintenance.PlanDraft typed,
      Map<String, String> planErrors) {
    Map<Long, Maintenance.PlanDraft> drafts = new LinkedHashMap<>();
    Map<Long, Maintenance.Plan> plans = new LinkedHashMap<>();
    for (Maintenance.Plan plan : maintenance.plans()) {
      plans.put(plan.typeId(), plan);
      drafts.put(plan.typeId(), new Maintenance.PlanDraft(plan.everyLoans() == null ? "" : plan.everyLoans().toString(),
          plan.everyDays() == null ? "" : plan.everyDays().toString(), plan.what() == null ? "" : plan.what()));
    }
    if (refusedType != null) {
      drafts.put(refusedType, typed);
    }
    model.addAttribute("plans", plans);
    model.addAttribute("planDrafts", drafts);
    model.addAttribute("planType", refusedType);
    model.addAttribute("planErrors", planErrors);
    model.addAttribute("inMaintenance", maintenance.open());
    Map<EquipmentType, List<Item>> byType = new LinkedHashMap<>();
    List<Item> items = catalogue.items();
    for (EquipmentType type : catalogue.types()) {
      byType.put(type, items.stream().filter(item -> item.typeId() == type.id()).toList());
    }
    model.addAttribute("byType", byType);
    model.addAttribute("statuses", ItemStatus.values());
    model.addAttribute("mayEdit", user.managesEquipment());
    model.addAttribute("header", String.join(";", CatalogueCsv.HEADER));
    return "inventory/materiel";
  }

  @GetMapping("/materiel/nouveau")
  String newItem(@RequestAttribute("currentUser") CurrentUser user, HttpServletResponse response, Model model)
      throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    return form(model, null, new ItemDraft("", "", "", "", ItemStatus.AVAILABLE.label(), ""), Map.of());
  }

  @PostMapping("/materiel/nouveau")
  String create(
      @ModelAttribute ItemFields fields,
      @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    ItemDraft draft = fields.draft();
    try {
      Item item = catalogue.create(draft, user.userId());
      redirect.addFlashAttribute("message", "Le matériel n° " + item.inventoryNumber() + " est ajouté au catalogue.");
      return "redirect:/materiel";
    } catch (InvalidItemException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(model, null, draft, refused.errors());
    }
  }

  @GetMapping("/materiel/{id}")
  String edit(@PathVariable long id, @RequestAttribute("currentUser") CurrentUser user, Model model) {
    Item item = itemOr404(id);
    model.addAttribute("mayEdit", user.managesEquipment());
    return form(model, item, ItemDraft.of(item), Map.of());
  }

  @PostMapping("/materiel/{id}")
  String update(
      @PathVariable long id,
      @ModelAttribute ItemFields fields,
      @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    Item item = itemOr404(id);
    ItemDraft draft = fields.draft();
    try {
      Item saved = catalogue.update(id, draft, user.userId());
      redirect.addFlashAttribute("message", "Le matériel n° " + saved.inventoryNumber() + " est enregistré.");
      return "redirect:/materiel";
    } catch (InvalidItemException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("mayEdit", true);
      return form(model, item, draft, refused.errors());
    }
  }

  @PostMapping("/materiel/{id}/statut")
  String status(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String statut,
      @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response,
      RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    Item item = itemOr404(id);
    try {
      ItemStatus status = ItemStatus.fromSubmitted(statut);
      catalogue.setStatus(id, status, user.userId());
      redirect.addFlashAttribute("message", "Le matériel n° " + item.inventoryNumber() + " est désormais « "
          + status.label() + " ».");
    } catch (InvalidInputException refused) {
      redirect.addFlashAttribute("erreur", refused.getMessage());
    }
    return "redirect:/materiel";
  }

  @PostMapping("/materiel/types")
  String addType(
      @RequestParam(defaultValue = "") String nom,
      @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response,
      RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    try {
      EquipmentType type = catalogue.addType(nom, user.userId());
      redirect.addFlashAttribute("message", "Le type « " + type.name() + " » est ajouté.");
    } catch (InvalidInputException refused) {
      redirect.addFlashAttribute("erreurType", refused.getMessage());
    }
    return "redirect:/materiel";
  }

  /** A type's maintenance (R18): after how many loans and/or days, and what is done; refused per field, nothing saved. */
  @PostMapping("/materiel/types/{id}/entretien")
  String savePlan(
      @PathVariable long id,
      @RequestParam(name = Maintenance.EVERY_LOANS, defaultValue = "") String everyLoans,
      @RequestParam(name = Maintenance.EVERY_DAYS, defaultValue = "") String everyDays,
      @RequestParam(name = Maintenance.WHAT, defaultValue = "") String what,
      @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    if (maintenance.plan(id).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Type de matériel inconnu");
    }
    Maintenance.PlanDraft draft = new Maintenance.PlanDraft(everyLoans, everyDays, what);
    try {
      Maintenance.Plan saved = maintenance.savePlan(id, draft, user.userId());
      redirect.addFlashAttribute("message", "Entretien du type « " + saved.typeName() + " » enregistré : " + saved.french());
      return "redirect:/materiel";
    } catch (Maintenance.InvalidPlanException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("erreur", "Rien n'a été enregistré : corrigez les champs signalés de l'entretien.");
      return list(user, model, id, draft, refused.errors());
    }
  }

  @GetMapping("/materiel/export")
  ResponseEntity<byte[]> export() {
    String name = "catalogue-materiel-" + ParisTime.today() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(csv.export());
  }

  @PostMapping("/materiel/import")
  String importCsv(
      @RequestParam(name = "fichier", required = false) MultipartFile file,
      @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response,
      RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    if (file == null || file.isEmpty()) {
      redirect.addFlashAttribute("erreursImport", List.of("Choisissez un fichier CSV à importer."));
      return "redirect:/materiel";
    }
    try {
      CatalogueCsv.Imported imported = csv.importCsv(file.getBytes(), user.userId());
      redirect.addFlashAttribute("message", "Import réussi : " + imported.french());
    } catch (CatalogueCsv.CsvRefused refused) {
      redirect.addFlashAttribute("erreursImport", refused.messages());
    }
    return "redirect:/materiel";
  }

  private String form(Model model, Item item, ItemDraft draft, Map<ItemField, String> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach((field, message) -> byField.put(field.name(), message));
    model.addAttribute("item", item);
    model.addAttribute("draft", draft);
    model.addAttribute("errors", byField);
    model.addAttribute("types", catalogue.types());
    model.addAttribute("statuses", ItemStatus.values());
    model.addAttribute("fields", ItemField.values());
    return "inventory/item";
  }

  private Item itemOr404(long id) {
    return catalogue.item(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Matériel inconnu"));
  }


  /** The item form's fields, by their names in the page (an absent field reads as empty). */
  record ItemFields(String numeroInventaire, String numeroSerie, String type, String accessoires, String statut, String notes) {
    ItemDraft draft() {
      return new ItemDraft(text(numeroInventaire), text(numeroSerie), text(type), text(accessoires), text(statut), text(notes));
    }

    private static String text(String value) {
      return value == null ? "" : value;
    }
  }
}
