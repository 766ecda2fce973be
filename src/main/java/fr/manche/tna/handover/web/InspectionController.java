package fr.manche.tna.handover.web;

import fr.manche.tna.handover.Booking;
import fr.manche.tna.handover.Bookings;
import fr.manche.tna.handover.Condition;
import fr.manche.tna.handover.HandoverDesk;
import fr.manche.tna.handover.HandoverKind;
import fr.manche.tna.handover.Inspection;
import fr.manche.tna.handover.Inspection.ItemRecord;
import fr.manche.tna.handover.InspectionDraft;
import fr.manche.tna.handover.Inspections;
import fr.manche.tna.handover.Inspections.Difference;
import fr.manche.tna.handover.Inspections.ToInspect;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.Logs;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.time.ParisTime;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's page {@code /remises/{id}/etat-des-lieux} (R13, issue 11 items 3 and 4): at the handover desk, the
 * equipment manager records, item by item, its condition on the fixed scale, each accessory of its kit present or
 * missing, and notes; then who came for the organisation, whether they acknowledged the record on the spot, and
 * general notes. At a return, what the pickup found is shown beside each item. Recording it completes the
 * appointment's task (the pickup starts the loan, the return closes it). The equipment managers and the
 * administrators record, the other staff read. Bad input gets its French message next to its field, what was typed
 * is shown again and nothing is written.
 */
@Controller
class InspectionController {

  static final String PATH = HandoverDayController.PATH + "/{bookingId}/etat-des-lieux";
  private static final Logger LOG = LoggerFactory.getLogger(InspectionController.class);
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H'h'mm", Locale.FRENCH);

  private final Bookings bookings;
  private final Inspections inspections;
  private final HandoverDesk desk;
  private final LoanRequestService loans;
  private final OrganisationRepository organisations;

  InspectionController(Bookings bookings, Inspections inspections, HandoverDesk desk, LoanRequestService loans,
      OrganisationRepository organisations) {
    this.bookings = bookings;
    this.inspections = inspections;
    this.desk = desk;
    this.loans = loans;
    this.organisations = organisations;
  }

  /** A condition of the scale, as the radio buttons offer it. */
  public record ConditionOption(String value, String label) {}

  /** An accessory of the item's kit and whether its box is ticked. */
  public record AccessoryRow(String name, boolean present) {}

  /** What the pickup found of an item, shown beside it at the return. */
  public record AtPickup(String condition, String missing, String notes) {}

  /** One item of the loan as the form shows it, with what was typed (or the defaults). */
  public record ItemRow(long id, String inventoryNumber, String typeName, String condition, List<AccessoryRow> accessories,
      String notes, AtPickup atPickup) {}

  /** One item of a recorded inspection, read only. */
  public record RecordedRow(String named, String condition, String missing, String notes) {}

  /** What the manager typed, as strings, to show again. */
  private record Typed(Map<Long, String> conditions, Map<Long, List<String>> present, Map<Long, String> notes,
      String representative, boolean acknowledged, String generalNotes) {

    InspectionDraft draft() {
      return new InspectionDraft(conditions, present, notes, representative, acknowledged, generalNotes);
    }
  }

  @GetMapping(PATH)
  String page(@PathVariable String bookingId, @RequestAttribute("currentUser") CurrentUser user,
      HttpServletResponse response, Model model) throws IOException {
    Optional<Booking> booking = booking(bookingId);
    if (booking.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return null;
    }
    return render(model, user, booking.get(), defaults(booking.get()), Map.of(), null);
  }

  /** The whole record in one submission: every field is checked before anything is written. */
  @PostMapping(PATH)
  String record(@PathVariable String bookingId, @RequestParam MultiValueMap<String, String> form,
      @RequestAttribute("currentUser") CurrentUser user, HttpServletResponse response, Model model,
      RedirectAttributes redirect) throws IOException {
    if (!user.managesEquipment()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    Optional<Booking> found = booking(bookingId);
    if (found.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return null;
    }
    Booking booking = found.get();
    if (closed(booking) != null) {
      // Already recorded, or no longer held: the page says why, without a form.
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return render(model, user, booking, defaults(booking), Map.of(), null);
    }
    Typed typed = typed(booking, form);
    Map<String, String> errors = inspections.check(booking.id(), typed.draft());
    if (!errors.isEmpty()) {
      LOG.info("État des lieux refusé : {}", Logs.safe(String.join(" ", errors.values())));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return render(model, user, booking, typed, errors, null);
    }
    List<Difference> differences;
    try {
      differences = desk.recordInspection(booking.id(), typed.draft(), user.userId());
    } catch (RuntimeException failure) {
      // Refused in French (by the desk, or by the appointment's task as the engine passes it on): said above the form.
      InvalidInputException refused = InvalidInputException.in(failure).orElseThrow(() -> failure);
      LOG.info("État des lieux refusé : {}", Logs.safe(refused.getMessage()));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return render(model, user, bookings.find(booking.id()), typed, Map.of(), refused.getMessage());
    }
    redirect.addFlashAttribute("message", success(booking, differences));
    return "redirect:" + HandoverDayController.PATH + "?jour=" + booking.slot().start().toLocalDate().format(TYPED);
  }

  private static String success(Booking booking, List<Difference> differences) {
    if (booking.kind() == HandoverKind.RETRAIT) {
      return "État des lieux de départ enregistré : le prêt n° " + booking.loanRequestId() + " commence."
          + " Le rapport (PDF) est envoyé à la structure.";
    }
    String message = "État des lieux de retour enregistré : le prêt n° " + booking.loanRequestId() + " est clos.";
    if (!differences.isEmpty()) {
      message += " Différences relevées : " + differences.stream()
          .map(difference -> difference.itemNamed() + " : " + difference.description())
          .collect(Collectors.joining(" ; ")) + " ; un dossier de dommage est ouvert pour chacune.";
    }
    return message;
  }

  /** The booking named by the address, or empty when there is none. */
  private Optional<Booking> booking(String bookingId) {
    if (!bookingId.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(bookings.find(Long.parseLong(bookingId)));
    } catch (InvalidInputException unknown) {
      return Optional.empty();
    }
  }

  /** Why no inspection may be recorded for this booking, or null when it may. */
  private String closed(Booking booking) {
    if (inspections.forBooking(booking.id()).isPresent()) {
      return "L'état des lieux de ce rendez-vous est déjà enregistré.";
    }
    if (!booking.held()) {
      return "Ce rendez-vous est " + booking.status().label() + " : son état des lieux ne peut plus être enregistré.";
    }
    return null;
  }

  /** The form's first values: no condition chosen; at a pickup every accessory ticked, at a return as at the pickup. */
  private Typed defaults(Booking booking) {
    Map<Long, List<String>> present = new HashMap<>();
    for (ToInspect each : inspections.toInspect(booking.id())) {
      List<String> missing = each.atPickup().map(ItemRecord::missingAccessories).orElse(List.of());
      present.put(each.item().id(), each.item().accessories().stream().filter(name -> !missing.contains(name)).toList());
    }
    return new Typed(Map.of(), present, Map.of(), "", false, "");
  }

  /** The form read for the loan's items only; what cannot be read stays empty and is refused by the check. */
  private Typed typed(Booking booking, MultiValueMap<String, String> form) {
    Map<Long, String> conditions = new HashMap<>();
    Map<Long, List<String>> present = new HashMap<>();
    Map<Long, String> notes = new HashMap<>();
    for (ToInspect each : inspections.toInspect(booking.id())) {
      long id = each.item().id();
      conditions.put(id, first(form, "etat-" + id));
      present.put(id, form.getOrDefault("accessoire-" + id, List.of()).stream().filter(value -> value != null)
          .distinct().toList());
      notes.put(id, first(form, "notes-" + id));
    }
    return new Typed(conditions, present, notes, first(form, "representant"), !first(form, "reconnu").isEmpty(),
        first(form, "notes"));
  }

  private static String first(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }

  private String render(Model model, CurrentUser user, Booking booking, Typed typed, Map<String, String> errors,
      String refusal) {
    LoanRequest loan = loans.find(booking.loanRequestId());
    boolean returning = booking.kind() == HandoverKind.RETOUR;
    model.addAttribute("bookingId", booking.id());
    model.addAttribute("returning", returning);
    model.addAttribute("heading", returning ? "État des lieux de retour" : "État des lieux de départ");
    model.addAttribute("loanId", loan.id());
    model.addAttribute("organisation", organisations.findById(loan.organisationId()).map(Organisation::name)
        .orElse("Structure n° " + loan.organisationId()));
    model.addAttribute("period", loan.period());
    model.addAttribute("slot", ParisTime.formatDate(booking.slot().start().toLocalDate()) + ", "
        + booking.slot().start().format(HOUR) + " – " + booking.slot().end().format(HOUR));
    model.addAttribute("day", booking.slot().start().toLocalDate().format(TYPED));
    model.addAttribute("mayAct", user.managesEquipment());
    model.addAttribute("errors", errors);
    model.addAttribute("erreur", refusal);
    String closed = closed(booking);
    model.addAttribute("closed", closed);
    model.addAttribute("recorded", inspections.forBooking(booking.id()).map(InspectionController::recorded).orElse(null));
    model.addAttribute("recordedInspection", inspections.forBooking(booking.id()).orElse(null));
    model.addAttribute("conditions", Arrays.stream(Condition.values())
        .map(condition -> new ConditionOption(condition.name(), condition.label())).toList());
    List<ItemRow> items = new ArrayList<>();
    if (closed == null) {
      for (ToInspect each : inspections.toInspect(booking.id())) {
        long id = each.item().id();
        List<String> present = typed.present().getOrDefault(id, List.of());
        items.add(new ItemRow(id, each.item().inventoryNumber(), each.item().typeName(),
            typed.conditions().getOrDefault(id, ""),
            each.item().accessories().stream().map(name -> new AccessoryRow(name, present.contains(name))).toList(),
            typed.notes().getOrDefault(id, ""),
            each.atPickup().map(record -> new AtPickup(record.condition().label(), missing(record.missingAccessories()),
                record.notes() == null ? "" : record.notes())).orElse(null)));
      }
    }
    model.addAttribute("items", items);
    model.addAttribute("representant", typed.representative());
    model.addAttribute("reconnu", typed.acknowledged());
    model.addAttribute("notes", typed.generalNotes());
    return "handover/etat-des-lieux";
  }

  private static List<RecordedRow> recorded(Inspection inspection) {
    return inspection.items().stream().map(record -> new RecordedRow(record.named(), record.condition().label(),
        missing(record.missingAccessories()), record.notes() == null ? "" : record.notes())).toList();
  }

  private static String missing(List<String> accessories) {
    return accessories.isEmpty() ? "aucun" : String.join(", ", accessories);
  }
}
