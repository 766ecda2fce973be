package fr.manche.tna.handover;

import fr.manche.tna.handover.Booking.BookingStatus;
import fr.manche.tna.inventory.Availability;
import fr.manche.tna.loan.LoanLifecycle;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequest.RequestedItem;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handover appointments (issue 11, item 2, R12): the free slots of a loan's pickup or return, booking, moving and
 * cancelling them, and what happened at the appointment.
 *
 * <ul>
 *   <li>A pickup is on the loan's first day or up to {@value #EARLY_PICKUP_DAYS} days before, on days all its items
 *       are free; a return from the first day (and the pickup) to the last day (a late loan: over the next {@value #LATE_RETURN_DAYS}
 *       days).</li>
 *   <li>A slot holds {@link OpeningHours.Settings#capacity()} handovers: each booking takes a numbered place, one row
 *       of {@code handover_place} whose primary key refuses a second booking of the same place, so that
 *       simultaneous bookings can never overfill a slot; the one that loses is told, in French, to choose again.</li>
 *   <li>The member moves or cancels a booking until the day before; a move keeps the calendar event (same uid,
 *       higher sequence) and tells the process ({@value #CHANGED_MESSAGE}), which confirms it by mail.</li>
 * </ul>
 */
@Service
public class Bookings {

  /** The message that tells a handover's process its booking moved or was cancelled. */
  public static final String CHANGED_MESSAGE = "HandoverChanged";
  static final int EARLY_PICKUP_DAYS = 7;
  static final int LATE_RETURN_DAYS = 14;

  /** A slot still open, and how many places it has left. */
  public record FreeSlot(Slot slot, int freePlaces) {

    /** What the form submits: the start with its offset, « 2027-03-29T09:00+02:00 » (unambiguous all year). */
    public String value() {
      return valueOf(slot.start());
    }

    /** « lundi 29 mars 2027, de 9h00 à 9h30 (2 places libres) ». */
    public String label() {
      String text = slot.french().substring("le ".length());
      return text + (freePlaces == 1 ? " (1 place libre)" : " (" + freePlaces + " places libres)");
    }
  }

  private final JdbcClient jdbc;
  private final OpeningHours hours;
  private final LoanRequestService loans;
  private final LoanLifecycle lifecycle;
  private final Availability availability;
  private final AuditLog audit;
  private final RuntimeService runtime;

  Bookings(JdbcClient jdbc, OpeningHours hours, LoanRequestService loans, LoanLifecycle lifecycle,
      Availability availability, AuditLog audit, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.hours = hours;
    this.loans = loans;
    this.lifecycle = lifecycle;
    this.availability = availability;
    this.audit = audit;
    this.runtime = runtime;
  }

  static String valueOf(ZonedDateTime start) {
    return start.toOffsetDateTime().toString();
  }

  /** The loan's free slots for this handover, soonest first (the booking's own slot excluded when it moves). */
  public List<FreeSlot> freeSlots(long loanId, HandoverKind kind) {
    LoanRequest loan = loans.find(loanId);
    ZonedDateTime now = ParisTime.now();
    LocalDate today = now.toLocalDate();
    LocalDate first;
    LocalDate last;
    if (kind == HandoverKind.RETRAIT) {
      first = max(today, loan.firstDay().minusDays(EARLY_PICKUP_DAYS));
      last = loan.firstDay();
    } else {
      first = max(today, loan.firstDay());
      last = loan.lastDay().isBefore(today) ? today.plusDays(LATE_RETURN_DAYS) : loan.lastDay();
      Optional<Booking> pickup = latest(loanId, HandoverKind.RETRAIT).filter(booking -> booking.status() == BookingStatus.FAIT);
      if (pickup.isPresent()) {
        first = max(first, pickup.get().slot().start().toLocalDate());
      }
    }
    Optional<Booking> current = held(loanId, kind);
    Map<OffsetDateTime, Integer> taken = placesTaken(first, last);
    int capacity = hours.settings().capacity();
    // The days before the first on which some item of the loan is not free (no early pickup then), and the slots of
    // the whole period: each read once for the search, not once per day (benchmark, issue 13: a month's return took
    // 4 statements a day, an early pickup 3 more per item and day; the search now takes about ten in all).
    Set<LocalDate> itemsBusy = kind == HandoverKind.RETRAIT && first.isBefore(loan.firstDay())
        ? availability.daysNotAllFree(loan.items().stream().map(RequestedItem::itemId).toList(), first,
            loan.firstDay().minusDays(1))
        : Set.of();
    List<FreeSlot> free = new ArrayList<>();
    for (Slot slot : hours.slotsBetween(first, last)) {
      if (itemsBusy.contains(slot.start().toLocalDate())) {
        continue;
      }
      if (!slot.start().isAfter(now)
          || current.map(booking -> booking.slot().start().toInstant().equals(slot.start().toInstant())).orElse(false)) {
        continue;
      }
      int left = capacity - taken.getOrDefault(slot.start().toOffsetDateTime().withOffsetSameInstant(java.time.ZoneOffset.UTC), 0);
      if (left > 0) {
        free.add(new FreeSlot(slot, left));
      }
    }
    return free;
  }

  /** Why no slot is offered, in French, when {@link #freeSlots} is empty. */
  public String noSlotReason(long loanId, HandoverKind kind) {
    LoanRequest loan = loans.find(loanId);
    return "Aucun créneau libre pour le " + kind.noun() + " du matériel du prêt " + loan.period() + " : prenez contact"
        + " avec les gestionnaires du matériel, qui vous proposeront un rendez-vous.";
  }

  /**
   * The member books a slot among the free ones (the value the form submitted). Refused in French, nothing
   * changed, when the loan is not approved, a slot is already held for this handover, or the slot is not (or no
   * longer) free.
   */
  @Transactional
  public Booking book(long loanId, HandoverKind kind, String slotValue, String processInstanceId, String actor) {
    LoanRequest loan = lockLoan(loanId);
    if (loan.status() != LoanRequestStatus.APPROUVEE) {
      throw new InvalidInputException("Ce prêt est " + loan.status().label() + " : il n'y a pas de rendez-vous à prendre.");
    }
    if (held(loanId, kind).isPresent()) {
      throw new InvalidInputException("Un créneau de " + kind.noun() + " est déjà réservé pour ce prêt : déplacez-le"
          + " sur la page « Mes rendez-vous » si besoin.");
    }
    Slot slot = chosen(loanId, kind, slotValue);
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into handover_booking (loan_request_id, kind, process_instance_id, slot_start, slot_end,"
            + " status, sequence, booked_by, booked_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)")
        .params(loanId, kind.name(), processInstanceId, slot.start().toOffsetDateTime(), slot.end().toOffsetDateTime(),
            BookingStatus.RESERVE.name(), actor, ParisTime.now().toOffsetDateTime())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    takePlace(id, slot);
    audit.record(actor, "Rendez-vous de " + kind.noun() + " réservé", describe(loan) + ", " + slot.french(),
        loan.organisationId(), null);
    return find(id);
  }

  /** The member moves the booking to another free slot, until the day before; the same calendar event is updated. */
  @Transactional
  public Booking move(long organisationId, long bookingId, String slotValue, String actor) {
    Booking booking = changeable(organisationId, bookingId);
    Slot slot = chosen(booking.loanRequestId(), booking.kind(), slotValue);
    freePlace(bookingId);
    jdbc.sql("update handover_booking set slot_start = ?, slot_end = ?, sequence = sequence + 1, changed_at = ?,"
            + " reminded_at = null where id = ?")
        .params(slot.start().toOffsetDateTime(), slot.end().toOffsetDateTime(), ParisTime.now().toOffsetDateTime(), bookingId)
        .update();
    takePlace(bookingId, slot);
    LoanRequest loan = loans.find(booking.loanRequestId());
    audit.record(actor, "Rendez-vous de " + booking.kind().noun() + " déplacé", describe(loan) + ", "
        + booking.slot().french() + " → " + slot.french(), loan.organisationId(), null);
    tell(booking);
    return find(bookingId);
  }

  /** The member cancels the booking, until the day before: the slot is free again, a new one is to be booked. */
  @Transactional
  public Booking cancel(long organisationId, long bookingId, String actor) {
    Booking booking = changeable(organisationId, bookingId);
    end(booking, BookingStatus.ANNULE, actor);
    LoanRequest loan = loans.find(booking.loanRequestId());
    audit.record(actor, "Rendez-vous de " + booking.kind().noun() + " annulé", describe(loan) + ", "
        + booking.slot().french(), loan.organisationId(), null);
    tell(booking);
    return find(bookingId);
  }

  /**
   * At the appointment, an equipment manager records that it took place (the pickup starts the loan, the return
   * closes it) or that nobody came (the member is asked to book again). Nobody came is refused before the slot.
   */
  @Transactional
  public Booking recordOutcome(long bookingId, boolean done, String notes, String actor) {
    Booking booking = find(bookingId);
    if (!booking.held()) {
      throw new InvalidInputException("Ce rendez-vous est " + booking.status().label() + " : rien à enregistrer.");
    }
    LoanRequest loan = loans.find(booking.loanRequestId());
    if (done) {
      end(booking, BookingStatus.FAIT, actor);
      if (booking.kind() == HandoverKind.RETRAIT) {
        lifecycle.recordPickup(loan.id(), notes, actor);
      } else {
        LocalDate today = ParisTime.today();
        lifecycle.recordReturn(loan.id(), today, notes, actor);
      }
    } else {
      if (ParisTime.now().isBefore(booking.slot().start())) {
        throw new InvalidInputException("Le rendez-vous est " + booking.slot().french() + " : il n'a pas encore eu lieu."
            + " Enregistrez l'absence de la structure après l'heure du rendez-vous.");
      }
      end(booking, BookingStatus.MANQUE, actor);
      audit.record(actor, "Rendez-vous de " + booking.kind().noun() + " manqué", describe(loan) + ", "
          + booking.slot().french(), loan.organisationId(), notes);
    }
    return find(bookingId);
  }

  /** The loan is cancelled: its held bookings are cancelled and their places freed; returns them, for the mails. */
  @Transactional
  public List<Booking> releaseAllOf(long loanId, String actor) {
    List<Booking> released = new ArrayList<>();
    for (Booking booking : of(loanId)) {
      if (booking.held()) {
        end(booking, BookingStatus.ANNULE, actor);
        released.add(find(booking.id()));
      }
    }
    return released;
  }

  /** Marks the reminder sent; false when it is not due (moved since, cancelled, already reminded, booked late). */
  @Transactional
  public boolean markReminded(long bookingId) {
    Booking booking = find(bookingId);
    ZonedDateTime now = ParisTime.now();
    if (!booking.held() || booking.remindedAt() != null || !now.isBefore(booking.slot().start())
        || !booking.lastSetAt().toInstant().isBefore(booking.reminderAt().toInstant())) {
      return false;
    }
    jdbc.sql("update handover_booking set reminded_at = ? where id = ?").params(now.toOffsetDateTime(), bookingId).update();
    return true;
  }

  public Booking find(long bookingId) {
    return jdbc.sql("select * from handover_booking where id = ?").param(bookingId).query(Bookings::map).optional()
        .orElseThrow(() -> new InvalidInputException("Ce rendez-vous n'existe pas."));
  }

  /** The booking held for this handover of the loan, if any. */
  public Optional<Booking> held(long loanId, HandoverKind kind) {
    return jdbc.sql("select * from handover_booking where loan_request_id = ? and kind = ? and status = ?")
        .params(loanId, kind.name(), BookingStatus.RESERVE.name()).query(Bookings::map).optional();
  }

  /** The latest booking of this handover of the loan, whatever became of it. */
  public Optional<Booking> latest(long loanId, HandoverKind kind) {
    return jdbc.sql("select * from handover_booking where loan_request_id = ? and kind = ? order by id desc")
        .params(loanId, kind.name()).query(Bookings::map).list().stream().findFirst();
  }

  /** Every booking of the loan, oldest first. */
  public List<Booking> of(long loanId) {
    return jdbc.sql("select * from handover_booking where loan_request_id = ? order by id").param(loanId)
        .query(Bookings::map).list();
  }

  /** The organisation's bookings still held, soonest first. */
  public List<Booking> heldByOrganisation(long organisationId) {
    return jdbc.sql("select b.* from handover_booking b join loan_request l on l.id = b.loan_request_id"
            + " where l.organisation_id = ? and b.status = ? order by b.slot_start")
        .params(organisationId, BookingStatus.RESERVE.name()).query(Bookings::map).list();
  }

  /** The day's bookings (held, done or missed; not the cancelled ones), in order. */
  public List<Booking> onDay(LocalDate day) {
    return jdbc.sql("select * from handover_booking where slot_start >= ? and slot_start < ? and status <> ?"
            + " order by slot_start, id")
        .params(day.atStartOfDay(ParisTime.ZONE).toOffsetDateTime(),
            day.plusDays(1).atStartOfDay(ParisTime.ZONE).toOffsetDateTime(), BookingStatus.ANNULE.name())
        .query(Bookings::map).list();
  }

  static String describe(LoanRequest loan) {
    return "Prêt n° " + loan.id() + " : " + loan.itemsNamed() + ", " + loan.period();
  }

  private Booking changeable(long organisationId, long bookingId) {
    Booking booking = jdbc.sql("select b.* from handover_booking b join loan_request l on l.id = b.loan_request_id"
            + " where b.id = ? and l.organisation_id = ? for update")
        .params(bookingId, organisationId).query(Bookings::map).optional()
        .orElseThrow(() -> new InvalidInputException("Ce rendez-vous n'existe pas pour votre structure."));
    if (!booking.held()) {
      throw new InvalidInputException("Ce rendez-vous est " + booking.status().label() + " : il ne peut plus être changé.");
    }
    if (!booking.changeableOn(ParisTime.today())) {
      throw new InvalidInputException("Le rendez-vous était fixé " + booking.slot().french() + " : le jour venu, il ne peut"
          + " plus être changé en ligne. Prenez contact avec les gestionnaires du matériel.");
    }
    return booking;
  }

  /** The slot a form submitted, when it is among the loan's free slots now. */
  private Slot chosen(long loanId, HandoverKind kind, String slotValue) {
    if (slotValue == null || slotValue.isBlank()) {
      throw new InvalidInputException("Choisissez un créneau parmi ceux proposés.");
    }
    ZonedDateTime start;
    try {
      start = OffsetDateTime.parse(slotValue.strip()).atZoneSameInstant(ParisTime.ZONE);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("Choisissez un créneau parmi ceux proposés.");
    }
    return freeSlots(loanId, kind).stream()
        .filter(free -> free.slot().start().toInstant().equals(start.toInstant()))
        .map(FreeSlot::slot).findFirst()
        .orElseThrow(() -> new InvalidInputException("Le créneau du " + ParisTime.formatDateTime(start) + " n'est pas"
            + " (ou plus) libre pour ce prêt : choisissez-en un autre parmi ceux proposés."));
  }

  /**
   * Takes the lowest free place of the slot. Two simultaneous bookings of the last place both try the same number:
   * the database keeps the first and refuses the second (primary key), which is told to choose again.
   */
  private void takePlace(long bookingId, Slot slot) {
    Set<Integer> taken = new HashSet<>(jdbc.sql("select place from handover_place where slot_start = ?")
        .param(slot.start().toOffsetDateTime()).query(Integer.class).list());
    int capacity = hours.settings().capacity();
    int place = 1;
    while (taken.contains(place)) {
      place++;
    }
    if (place > capacity) {
      throw new InvalidInputException("Le créneau " + slot.french() + " est complet : choisissez-en un autre.");
    }
    try {
      jdbc.sql("insert into handover_place (slot_start, place, booking_id) values (?, ?, ?)")
          .params(slot.start().toOffsetDateTime(), place, bookingId).update();
    } catch (DuplicateKeyException lostTheRace) {
      throw new InvalidInputException("Le créneau " + slot.french() + " vient d'être pris par une autre structure :"
          + " choisissez-en un autre.");
    }
  }

  private void freePlace(long bookingId) {
    jdbc.sql("delete from handover_place where booking_id = ?").param(bookingId).update();
  }

  private void end(Booking booking, BookingStatus status, String actor) {
    freePlace(booking.id());
    jdbc.sql("update handover_booking set status = ?, sequence = sequence + ?, changed_at = ?, outcome_by = ?,"
            + " outcome_at = ? where id = ?")
        .params(status.name(), status == BookingStatus.ANNULE ? 1 : 0, ParisTime.now().toOffsetDateTime(), actor,
            ParisTime.now().toOffsetDateTime(), booking.id())
        .update();
  }

  private void tell(Booking booking) {
    int told = booking.processInstanceId() == null ? 0 : runtime.createMessageCorrelation(CHANGED_MESSAGE)
        .processInstanceId(booking.processInstanceId()).correlateAllWithResult().size();
    if (told == 0) {
      throw new InvalidInputException("Votre rendez-vous est en train d'être confirmé : réessayez dans une minute.");
    }
  }

  private Map<OffsetDateTime, Integer> placesTaken(LocalDate first, LocalDate last) {
    Map<OffsetDateTime, Integer> taken = new HashMap<>();
    jdbc.sql("select slot_start, count(*) as taken from handover_place where slot_start >= ? and slot_start < ?"
            + " group by slot_start")
        .params(first.atStartOfDay(ParisTime.ZONE).toOffsetDateTime(),
            last.plusDays(1).atStartOfDay(ParisTime.ZONE).toOffsetDateTime())
        .query(rs -> {
          taken.put(rs.getObject("slot_start", OffsetDateTime.class).withOffsetSameInstant(java.time.ZoneOffset.UTC),
              rs.getInt("taken"));
        });
    return taken;
  }

  private LoanRequest lockLoan(long loanId) {
    jdbc.sql("select id from loan_request where id = ? for update").param(loanId).query(Long.class).optional()
        .orElseThrow(() -> new InvalidInputException("Ce prêt n'existe pas."));
    return loans.find(loanId);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static Booking map(ResultSet rs, int row) throws SQLException {
    return new Booking(
        rs.getLong("id"),
        rs.getLong("loan_request_id"),
        HandoverKind.valueOf(rs.getString("kind")),
        rs.getString("process_instance_id"),
        new Slot(rs.getObject("slot_start", OffsetDateTime.class).atZoneSameInstant(ParisTime.ZONE),
            rs.getObject("slot_end", OffsetDateTime.class).atZoneSameInstant(ParisTime.ZONE)),
        BookingStatus.valueOf(rs.getString("status")),
        rs.getInt("sequence"),
        rs.getString("booked_by"),
        rs.getObject("booked_at", OffsetDateTime.class),
        rs.getObject("changed_at", OffsetDateTime.class),
        rs.getObject("reminded_at", OffsetDateTime.class));
  }
}
