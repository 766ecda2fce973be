package fr.manche.tna.loan;

import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.FreePeriod;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.Periods;
import fr.manche.tna.inventory.Reservation;
import fr.manche.tna.inventory.ReservationKind;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R11: the département has priority on its equipment. Staff block an item for its own use over a period (a
 * reservation of kind {@link ReservationKind#OWN_USE}, through the one {@link Availability}); the requests in
 * examination that ask for that item on one of those days are refused at once, saying so, and their members are
 * told by mail with the item's next free dates. Approved loans are not touched: the block is refused on their days.
 */
@Service
public class OwnUse {

  /** A block of the département's own use, and the requests it refused. */
  public record Block(Reservation reservation, List<Long> preemptedRequests) {}

  private final JdbcClient jdbc;
  private final Availability availability;
  private final Catalogue catalogue;
  private final LoanRequestService requests;
  private final AuditLog audit;
  private final RuntimeService runtime;

  OwnUse(JdbcClient jdbc, Availability availability, Catalogue catalogue, LoanRequestService requests, AuditLog audit,
      @Lazy RuntimeService runtime) {
    this.jdbc = jdbc;
    this.availability = availability;
    this.catalogue = catalogue;
    this.requests = requests;
    this.audit = audit;
    this.runtime = runtime;
  }

  /**
   * Blocks the item (its inventory number) from the first to the last day for the reason given (shown to staff
   * and, in the refusal, to members); refused in French when the item is unknown or taken on one of the days.
   */
  @Transactional
  public Block block(String inventoryNumber, String firstDay, String lastDay, String reason, String actor) {
    String number = Inputs.required(inventoryNumber, "Matériel", 30);
    Item item = catalogue.itemNumbered(number.trim().toUpperCase(java.util.Locale.ROOT)).orElseThrow(() ->
        new InvalidInputException("Aucun matériel ne porte le numéro d'inventaire « " + number.trim() + " »."));
    LocalDate first = ParisTime.parseDate(firstDay, "Premier jour");
    LocalDate last = ParisTime.parseDate(lastDay, "Dernier jour");
    if (first.isBefore(ParisTime.today())) {
      throw new InvalidInputException("Le premier jour (" + ParisTime.formatDate(first) + ") est passé.");
    }
    String why = Inputs.required(reason, "Motif", 100);
    Reservation reservation = availability.reserve(item.id(), first, last, ReservationKind.OWN_USE, why);
    List<Long> preempted = jdbc.sql("""
            select distinct r.id from loan_request r join loan_request_item i on i.loan_request_id = r.id
             where i.item_id = ? and r.status = 'EN_EXAMEN' and r.first_day <= ? and r.last_day >= ?
             order by r.id
            """)
        .params(item.id(), last, first).query(Long.class).list();
    for (long requestId : preempted) {
      LoanRequest request = requests.find(requestId);
      List<FreePeriod> next = availability.nextFreePeriods(item.id(), (int) request.days(), ParisTime.today());
      String reasonText = LoanRequestService.OWN_USE_REASON + "Le matériel n° " + item.inventoryNumber() + " ("
          + item.typeName() + ") est réservé " + Periods.french(first, last) + " (" + why + ")."
          + (next.isEmpty() ? "" : " Ses prochaines périodes libres de " + request.daysLabel() + " : "
              + next.stream().map(period -> Periods.french(period.first(), period.last()))
                  .collect(Collectors.joining(" ; ")) + ".");
      jdbc.sql("update loan_request set status = ?, decision_reason = ?, decided_by = ?, decided_at = ? where id = ?")
          .params(LoanRequestStatus.REFUSEE.name(), reasonText, actor, ParisTime.now().toOffsetDateTime(), requestId)
          .update();
      audit.record(actor, "Demande de prêt refusée (usage du Département)", LoanRequestService.describe(request),
          request.organisationId(), reasonText);
      runtime.createMessageCorrelation(LoanLifecycle.PREEMPTED_MESSAGE).processInstanceId(request.processInstanceId())
          .correlateAllWithResult();
    }
    audit.record(actor, "Matériel réservé pour l'usage du Département", "Matériel n° " + item.inventoryNumber() + ", "
        + Periods.french(first, last), null, why);
    return new Block(reservation, preempted);
  }

  /** Ends a block (its days are free again). */
  @Transactional
  public void unblock(long reservationId, String actor) {
    Reservation reservation = availability.reservation(reservationId)
        .filter(found -> found.kind() == ReservationKind.OWN_USE && !found.released())
        .orElseThrow(() -> new InvalidInputException("Cette réservation pour l'usage du Département n'existe pas."));
    availability.release(reservationId);
    Item item = catalogue.item(reservation.itemId()).orElseThrow();
    audit.record(actor, "Réservation pour l'usage du Département levée", "Matériel n° " + item.inventoryNumber() + ", "
        + Periods.french(reservation.first(), reservation.last()), null, reservation.reference());
  }

  /** The blocks not released that end today or later, by first day. */
  public List<Reservation> currentBlocks() {
    return jdbc.sql("""
            select id from reservation where kind = 'OWN_USE' and released_at is null and last_day >= ? order by first_day, id
            """)
        .param(ParisTime.today()).query(Long.class).list().stream()
        .map(id -> availability.reservation(id).orElseThrow()).toList();
  }
}
