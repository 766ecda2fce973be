package fr.manche.tna.handover;

import fr.manche.tna.handover.Inspection.ItemRecord;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequest.RequestedItem;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Condition inspections at the handovers (issue 11, items 3 and 4, R13, R15): what is to inspect (the loan's items,
 * their kits, and at a return what the pickup found), the record, the differences between the two records, which open
 * a damage case and keep the item out of the loans until staff assess it, and the member's acknowledgement.
 */
@Service
public class Inspections {

  /** An item to inspect: its kit, and at a return the pickup's record of it. */
  public record ToInspect(Item item, Optional<ItemRecord> atPickup) {}

  /** A difference the server found between the pickup and the return (R15): it opens a damage case. */
  public record Difference(long itemId, String itemNamed, String description) {}

  private final JdbcClient jdbc;
  private final Bookings bookings;
  private final LoanRequestService loans;
  private final Catalogue catalogue;
  private final AuditLog audit;
  private final DamageCases damageCases;

  Inspections(JdbcClient jdbc, Bookings bookings, LoanRequestService loans, Catalogue catalogue, AuditLog audit,
      DamageCases damageCases) {
    this.damageCases = damageCases;
    this.jdbc = jdbc;
    this.bookings = bookings;
    this.loans = loans;
    this.catalogue = catalogue;
    this.audit = audit;
  }

  /** The loan's items, in its order, each with its kit and, at a return, what the pickup found. */
  public List<ToInspect> toInspect(long bookingId) {
    Booking booking = bookings.find(bookingId);
    LoanRequest loan = loans.find(booking.loanRequestId());
    Optional<Inspection> pickup = booking.kind() == HandoverKind.RETOUR
        ? ofLoan(loan.id(), HandoverKind.RETRAIT) : Optional.empty();
    List<ToInspect> all = new ArrayList<>();
    for (RequestedItem requested : loan.items()) {
      Item item = catalogue.item(requested.itemId()).orElseThrow();
      all.add(new ToInspect(item, pickup.flatMap(record -> record.item(item.id()))));
    }
    return all;
  }

  /**
   * The draft's faults, in French, by field: {@code etat-<itemId>} (a condition of the scale is required),
   * {@code accessoires-<itemId>} (only the kit's accessories), {@code notes-<itemId>}, {@code representant}
   * (required), {@code notes}. Empty when it may be recorded.
   */
  public Map<String, String> check(long bookingId, InspectionDraft draft) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (ToInspect each : toInspect(bookingId)) {
      long id = each.item().id();
      if (Condition.fromSubmitted(draft.conditions().get(id)).isEmpty()) {
        errors.put("etat-" + id, "Choisissez l'état " + of(each.item()) + " : "
            + String.join(", ", Arrays.stream(Condition.values()).map(Condition::label).toList()) + ".");
      }
      List<String> present = draft.presentAccessories().getOrDefault(id, List.of());
      if (!each.item().accessories().containsAll(present)) {
        errors.put("accessoires-" + id, "Ne cochez que les accessoires du lot " + of(each.item()) + ".");
      }
      String notes = draft.itemNotes().get(id);
      if (notes != null && notes.strip().length() > 1000) {
        errors.put("notes-" + id, "Les remarques sur " + each.item().named() + " dépassent 1000 caractères.");
      }
    }
    String representative = draft.representative() == null ? "" : draft.representative().strip();
    if (representative.isEmpty()) {
      errors.put("representant", "Indiquez le prénom et le nom de la personne présente pour la structure.");
    } else if (representative.length() > 200) {
      errors.put("representant", "Le nom de la personne présente dépasse 200 caractères.");
    }
    if (draft.notes() != null && draft.notes().strip().length() > 2000) {
      errors.put("notes", "Les remarques dépassent 2000 caractères.");
    }
    return errors;
  }

  /**
   * Records the inspection of a held appointment (refused in French, nothing written, when a field is at fault or the
   * appointment is not held). At a return, each item found worse than at the pickup, or missing an accessory present
   * then, opens a damage case and is kept out of the loans (status « En maintenance ») until staff assess it.
   *
   * @return the differences found (none at a pickup)
   */
  @Transactional
  public List<Difference> record(long bookingId, InspectionDraft draft, String actor) {
    Booking booking = bookings.find(bookingId);
    if (!booking.held()) {
      throw new InvalidInputException("Ce rendez-vous est " + booking.status().label() + " : son état des lieux ne peut"
          + " plus être enregistré.");
    }
    if (forBooking(bookingId).isPresent()) {
      throw new InvalidInputException("L'état des lieux de ce rendez-vous est déjà enregistré.");
    }
    Map<String, String> errors = check(bookingId, draft);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors.values().iterator().next());
    }
    OffsetDateTime now = ParisTime.now().toOffsetDateTime();
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into handover_inspection (booking_id, loan_request_id, kind, recorded_by, recorded_at, representative,"
            + " acknowledged_on_site, acknowledged_at, notes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(bookingId, booking.loanRequestId(), booking.kind().name(), actor, now, draft.representative().strip(),
            draft.acknowledgedOnSite(), draft.acknowledgedOnSite() ? now : null, blankToNull(draft.notes()))
        .update(keys, "id");
    long inspectionId = keys.getKey().longValue();
    List<ToInspect> items = toInspect(bookingId);
    for (ToInspect each : items) {
      long id = each.item().id();
      List<String> present = draft.presentAccessories().getOrDefault(id, List.of());
      List<String> missing = each.item().accessories().stream().filter(accessory -> !present.contains(accessory)).toList();
      jdbc.sql("insert into handover_inspection_item (inspection_id, item_id, condition, missing_accessories, notes)"
              + " values (?, ?, ?, ?, ?)")
          .params(inspectionId, id, Condition.fromSubmitted(draft.conditions().get(id)).orElseThrow().name(),
              missing.isEmpty() ? null : String.join("\n", missing), blankToNull(draft.itemNotes().get(id)))
          .update();
    }
    LoanRequest loan = loans.find(booking.loanRequestId());
    Inspection recorded = forBooking(bookingId).orElseThrow();
    audit.record(actor, "État des lieux de " + booking.kind().noun() + " enregistré", Bookings.describe(loan)
        + ", en présence de " + recorded.representative(), loan.organisationId(), recorded.notes());
    List<Difference> differences = booking.kind() == HandoverKind.RETOUR ? differences(loan.id()) : List.of();
    for (Difference difference : differences) {
      damageCases.openFromReturn(loan, difference.itemId(), difference.description(), actor);
      catalogue.setStatus(difference.itemId(), ItemStatus.IN_MAINTENANCE, actor);
      audit.record(actor, "Dossier de dommage ouvert au retour", difference.itemNamed() + " : " + difference.description(),
          loan.organisationId(), null);
    }
    return differences;
  }

  /**
   * What the return found worse than the pickup, item by item: a worse condition, an accessory missing that was
   * there at the pickup. Empty until both records exist.
   */
  public List<Difference> differences(long loanId) {
    Optional<Inspection> pickup = ofLoan(loanId, HandoverKind.RETRAIT);
    Optional<Inspection> back = ofLoan(loanId, HandoverKind.RETOUR);
    if (pickup.isEmpty() || back.isEmpty()) {
      return List.of();
    }
    List<Difference> differences = new ArrayList<>();
    for (ItemRecord returned : back.get().items()) {
      Optional<ItemRecord> before = pickup.get().item(returned.itemId());
      List<String> found = new ArrayList<>();
      if (before.isPresent() && returned.condition().worseThan(before.get().condition())) {
        found.add("état « " + returned.condition().label() + " » au retour, « " + before.get().condition().label()
            + " » au départ");
      }
      List<String> lost = returned.missingAccessories().stream()
          .filter(accessory -> before.map(record -> !record.missingAccessories().contains(accessory)).orElse(true))
          .toList();
      if (!lost.isEmpty()) {
        found.add((lost.size() == 1 ? "accessoire manquant : " : "accessoires manquants : ") + String.join(", ", lost));
      }
      if (!found.isEmpty()) {
        differences.add(new Difference(returned.itemId(), returned.named(), String.join(" ; ", found)));
      }
    }
    return differences;
  }

  /** The member acknowledges the record in Tasklist, with their remarks if they disagree. */
  @Transactional
  public Inspection acknowledge(long inspectionId, String remarks, String actor) {
    Inspection inspection = find(inspectionId);
    if (inspection.acknowledged()) {
      return inspection;
    }
    String checked = remarks == null || remarks.isBlank() ? null : remarks.strip();
    if (checked != null && checked.length() > 2000) {
      throw new InvalidInputException("Vos remarques dépassent 2000 caractères.");
    }
    jdbc.sql("update handover_inspection set acknowledged_by = ?, acknowledged_at = ?, member_remarks = ? where id = ?")
        .params(actor, ParisTime.now().toOffsetDateTime(), checked, inspectionId).update();
    LoanRequest loan = loans.find(inspection.loanRequestId());
    audit.record(actor, "État des lieux de " + inspection.kind().noun() + " reconnu par la structure",
        Bookings.describe(loan), loan.organisationId(), checked);
    return find(inspectionId);
  }

  public Optional<Inspection> forBooking(long bookingId) {
    return jdbc.sql("select * from handover_inspection where booking_id = ?").param(bookingId).query(this::map).optional();
  }

  /** The loan's latest inspection of this kind. */
  public Optional<Inspection> ofLoan(long loanId, HandoverKind kind) {
    return jdbc.sql("select * from handover_inspection where loan_request_id = ? and kind = ? order by id desc")
        .params(loanId, kind.name()).query(this::map).list().stream().findFirst();
  }

  public Inspection find(long inspectionId) {
    return jdbc.sql("select * from handover_inspection where id = ?").param(inspectionId).query(this::map).optional()
        .orElseThrow(() -> new InvalidInputException("Cet état des lieux n'existe pas."));
  }

  /** The open damage cases of a loan, as their descriptions (item 5 assesses them). */
  public List<String> openCasesOf(long loanId) {
    return jdbc.sql("select description from damage_case where loan_request_id = ? and status = 'OUVERT' order by id")
        .param(loanId).query(String.class).list();
  }

  private Inspection map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    List<ItemRecord> items = jdbc.sql("select r.*, i.inventory_number, t.name as type_name from handover_inspection_item r"
            + " join equipment_item i on i.id = r.item_id join equipment_type t on t.id = i.type_id"
            + " where r.inspection_id = ? order by i.inventory_number")
        .param(id)
        .query((item, n) -> new ItemRecord(item.getLong("item_id"), item.getString("inventory_number"),
            item.getString("type_name"), Condition.valueOf(item.getString("condition")),
            item.getString("missing_accessories") == null ? List.of()
                : List.of(item.getString("missing_accessories").split("\n")),
            item.getString("notes")))
        .list();
    return new Inspection(id, rs.getLong("booking_id"), rs.getLong("loan_request_id"),
        HandoverKind.valueOf(rs.getString("kind")), rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("representative"),
        rs.getBoolean("acknowledged_on_site"), rs.getString("acknowledged_by"),
        rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getString("member_remarks"), rs.getString("notes"), items);
  }

  /** « du matériel n° INV-011 (Drone) ». */
  private static String of(Item item) {
    return "du matériel n° " + item.inventoryNumber() + " (" + item.typeName() + ")";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
