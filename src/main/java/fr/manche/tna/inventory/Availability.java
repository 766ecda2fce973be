package fr.manche.tna.inventory;

import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.time.ParisTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one availability of the equipment: whether an item is free over a period (first and last day both counted,
 * Europe/Paris dates), the nearest free periods, and the reservations themselves. Every path that reserves (a
 * member's request, its approval, an extension, the département's own use, maintenance) goes through here.
 *
 * <p>Two reservations of one item never overlap: each reservation writes one {@code reservation_day} row per day,
 * in its own transaction, and the database refuses a second row for the same item and day (primary key), whoever
 * writes it. To tell a caller which reservation is in the way (and not a bare constraint failure), the service
 * also locks the item's row ({@code select ... for update}) before it reads the days: concurrent reservations of one
 * item queue there, and each reads what the previous one committed. A unique violation all the same (a row
 * written behind the service's back) is refused in French too.
 */
@Service
public class Availability {

  /** The longest period the service reserves, in days. */
  public static final int MAX_DAYS = 400;
  /** How far ahead the nearest free periods are searched, in days. */
  static final int HORIZON_DAYS = 366;
  /** How many free periods {@link #nextFreePeriods} proposes. */
  static final int PROPOSALS = 3;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Catalogue catalogue;

  Availability(JdbcClient jdbc, JdbcTemplate batch, Catalogue catalogue) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.catalogue = catalogue;
  }

  /** Whether the item is available (neither in maintenance nor retired) and reserved on no day of the period. */
  public boolean isFree(long itemId, LocalDate first, LocalDate last) {
    checkPeriod(first, last);
    // One statement (it was three: the item with its kit, then its reservations): every item a member chooses is
    // checked with it, and at approval again (benchmark, issue 13). Reserved days found by the primary key.
    return jdbc.sql("""
            select i.status, exists (select 1 from reservation_day d where d.item_id = i.id and d.reserved_on between ? and ?)
            from equipment_item i where i.id = ?
            """)
        .params(first, last, itemId)
        .query((rs, row) -> ItemStatus.valueOf(rs.getString(1)) == ItemStatus.AVAILABLE && !rs.getBoolean(2))
        .optional()
        .orElseThrow(() -> new InvalidInputException("Ce matériel n'existe pas dans le catalogue."));
  }

  /**
   * The days from {@code first} to {@code last} (both counted) on which at least one of the items is not free, as
   * {@link #isFree} would say for each item and day: every day when one of them is in maintenance or retired, else
   * the days one of them is reserved. Two statements whatever the number of items and days (the pickup's slot
   * search asks it for the week before a loan; it asked {@link #isFree} for each item and day, benchmark, issue 13).
   */
  public Set<LocalDate> daysNotAllFree(Collection<Long> itemIds, LocalDate first, LocalDate last) {
    Set<LocalDate> days = new HashSet<>();
    if (itemIds.isEmpty() || last.isBefore(first)) {
      return days;
    }
    Set<Long> distinct = new HashSet<>(itemIds);
    List<String> statuses = jdbc.sql("select status from equipment_item where id in (:ids)").param("ids", distinct)
        .query(String.class).list();
    if (statuses.size() < distinct.size()) {
      throw new InvalidInputException("Ce matériel n'existe pas dans le catalogue.");
    }
    if (statuses.stream().anyMatch(status -> ItemStatus.valueOf(status) != ItemStatus.AVAILABLE)) {
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        days.add(day);
      }
      return days;
    }
    days.addAll(jdbc.sql("select distinct reserved_on from reservation_day where item_id in (:ids)"
            + " and reserved_on between :first and :last")
        .param("ids", distinct).param("first", first).param("last", last)
        .query(LocalDate.class).list());
    return days;
  }

  /**
   * The nearest periods of {@code length} days from {@code from} on when the item is free: the first of each free
   * stretch, at most {@value #PROPOSALS}, searched over a year. None for an item in maintenance or retired.
   */
  public List<FreePeriod> nextFreePeriods(long itemId, int length, LocalDate from) {
    checkLength(length);
    return freePeriods(itemOrRefuse(itemId), length, from);
  }

  /** As {@link #nextFreePeriods} over every item of a type: the nearest first, whatever the item. */
  public List<FreePeriod> nextFreePeriodsOfType(long typeId, int length, LocalDate from) {
    checkLength(length);
    List<FreePeriod> all = new ArrayList<>();
    for (Item item : catalogue.itemsOfType(typeId)) {
      all.addAll(freePeriods(item, length, from));
    }
    return all.stream()
        .sorted(Comparator.comparing(FreePeriod::first).thenComparing(FreePeriod::inventoryNumber))
        .limit(PROPOSALS)
        .toList();
  }

  /**
   * Reserves the item over the period, or refuses in French: the item is in maintenance or retired (maintenance
   * itself may reserve an item in maintenance), or already reserved on a day of the period (« Le matériel n°
   * INV-004 (Casque de réalité virtuelle) est déjà réservé du 3 au 9 mars 2027. »). Called inside a caller's
   * transaction, a refusal rolls it back.
   */
  @Transactional
  public Reservation reserve(long itemId, LocalDate first, LocalDate last, ReservationKind kind, String reference) {
    checkPeriod(first, last);
    if (kind == null) {
      throw new InvalidInputException("Le motif de la réservation est obligatoire.");
    }
    String checkedReference = reference == null || reference.isBlank() ? null : reference.trim();
    if (checkedReference != null && checkedReference.length() > 100) {
      throw new InvalidInputException("La référence d'une réservation ne dépasse pas 100 caractères.");
    }
    Item item = lockItem(itemId);
    refuseIfUnavailable(item, kind);
    refuseIfTaken(item, reservationsOver(itemId, first, last, null), null);
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into reservation (item_id, first_day, last_day, kind, reference, created_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(itemId, first, last, kind.name(), checkedReference, ParisTime.now().toOffsetDateTime())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    writeDays(item, id, first, last);
    return reservation(id).orElseThrow();
  }

  /** Frees the reservation's days (the reservation stays, released). Releasing twice changes nothing. */
  @Transactional
  public void release(long reservationId) {
    Reservation reservation = reservationOrRefuse(reservationId);
    lockItem(reservation.itemId());
    jdbc.sql("delete from reservation_day where reservation_id = ?").param(reservationId).update();
    jdbc.sql("update reservation set released_at = ? where id = ? and released_at is null")
        .params(ParisTime.now().toOffsetDateTime(), reservationId).update();
  }

  /**
   * Moves the reservation's last day (an extension, or an earlier return); a later last day goes through the same
   * checks as {@link #reserve}, and a conflict is refused with the latest last day possible.
   */
  @Transactional
  public Reservation move(long reservationId, LocalDate newLast) {
    Reservation reservation = reservationOrRefuse(reservationId);
    if (reservation.released()) {
      throw new InvalidInputException("Cette réservation a été libérée : elle ne peut plus être modifiée.");
    }
    checkPeriod(reservation.first(), newLast);
    Item item = lockItem(reservation.itemId());
    if (newLast.isAfter(reservation.last())) {
      refuseIfUnavailable(item, reservation.kind());
      refuseIfTaken(item, reservationsOver(item.id(), reservation.last().plusDays(1), newLast, reservationId),
          reservation);
      jdbc.sql("update reservation set last_day = ? where id = ?").params(newLast, reservationId).update();
      writeDays(item, reservationId, reservation.last().plusDays(1), newLast);
    } else if (newLast.isBefore(reservation.last())) {
      jdbc.sql("delete from reservation_day where reservation_id = ? and reserved_on > ?").params(reservationId, newLast).update();
      jdbc.sql("update reservation set last_day = ? where id = ?").params(newLast, reservationId).update();
    }
    return reservation(reservationId).orElseThrow();
  }

  public Optional<Reservation> reservation(long id) {
    return jdbc.sql("select * from reservation where id = ?").param(id).query(Availability::map).optional();
  }

  /** The reservations (not released) of an item holding at least one day between {@code from} and {@code to}. */
  public List<Reservation> reservationsOf(long itemId, LocalDate from, LocalDate to) {
    return reservationsOver(itemId, from, to, null);
  }

  /**
   * The items reserved on at least one day between two days (both counted): those not free over that period, what
   * the member's choice leaves out. Read from the index {@code reservation_day_day} (V17): only the period's days,
   * whatever the history (it read every reserved day ever written, benchmark, issue 13).
   */
  public Set<Long> reservedItems(LocalDate from, LocalDate to) {
    return new HashSet<>(jdbc.sql("select distinct item_id from reservation_day where reserved_on between ? and ?")
        .params(from, to).query(Long.class).list());
  }

  /**
   * The reserved days of these items between two days (both counted), by item id: what the availability page draws
   * for a type. By the primary key, item by item (it read every item's days to draw one type's, benchmark, issue 13).
   */
  public Map<Long, Set<LocalDate>> reservedDays(Collection<Long> itemIds, LocalDate from, LocalDate to) {
    Map<Long, Set<LocalDate>> days = new HashMap<>();
    if (itemIds.isEmpty()) {
      return days;
    }
    jdbc.sql("select item_id, reserved_on from reservation_day where item_id in (:ids) and reserved_on between :from and :to")
        .param("ids", new HashSet<>(itemIds)).param("from", from).param("to", to)
        .query((ResultSet rs) -> {
          days.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getObject(2, LocalDate.class));
        });
    return days;
  }

  private List<FreePeriod> freePeriods(Item item, int length, LocalDate from) {
    List<FreePeriod> periods = new ArrayList<>();
    if (item.status() != ItemStatus.AVAILABLE) {
      return periods;
    }
    LocalDate end = from.plusDays(HORIZON_DAYS + length);
    Set<LocalDate> reserved = new HashSet<>();
    jdbc.sql("select reserved_on from reservation_day where item_id = ? and reserved_on between ? and ?")
        .params(item.id(), from, end)
        .query((ResultSet rs) -> {
          reserved.add(rs.getObject(1, LocalDate.class));
        });
    LocalDate stretchStart = null;
    boolean proposed = false;
    for (LocalDate day = from; !day.isAfter(end) && periods.size() < PROPOSALS; day = day.plusDays(1)) {
      if (reserved.contains(day)) {
        stretchStart = null;
        proposed = false;
        continue;
      }
      if (stretchStart == null) {
        stretchStart = day;
      }
      if (!proposed && day.toEpochDay() - stretchStart.toEpochDay() + 1 == length) {
        if (stretchStart.isAfter(from.plusDays(HORIZON_DAYS))) {
          break;
        }
        periods.add(new FreePeriod(item.id(), item.inventoryNumber(), item.typeName(), stretchStart, day));
        proposed = true;
      }
    }
    return periods;
  }

  private List<Reservation> reservationsOver(long itemId, LocalDate first, LocalDate last, Long excluding) {
    return jdbc.sql("""
            select * from reservation r
            where r.id in (select d.reservation_id from reservation_day d where d.item_id = ? and d.reserved_on between ? and ?)
            order by r.first_day
            """)
        .params(itemId, first, last)
        .query(Availability::map)
        .list()
        .stream()
        .filter(reservation -> excluding == null || reservation.id() != excluding)
        .toList();
  }

  private void refuseIfUnavailable(Item item, ReservationKind kind) {
    boolean reservable = item.status() == ItemStatus.AVAILABLE
        || (item.status() == ItemStatus.IN_MAINTENANCE && kind == ReservationKind.MAINTENANCE);
    if (!reservable) {
      throw new InvalidInputException(capitalised(item.named()) + " est "
          + (item.status() == ItemStatus.RETIRED ? "réformé" : "en maintenance") + " : il ne peut pas être réservé.");
    }
  }

  private static void refuseIfTaken(Item item, List<Reservation> conflicts, Reservation moved) {
    if (conflicts.isEmpty()) {
      return;
    }
    Reservation first = conflicts.get(0);
    String sentence = capitalised(item.named()) + " est déjà réservé " + Periods.french(first.first(), first.last());
    if (moved != null) {
      LocalDate latest = first.first().minusDays(1);
      sentence += latest.isAfter(moved.last())
          ? " : la réservation peut aller au plus jusqu'au " + ParisTime.formatDate(latest)
          : " : la réservation ne peut pas être prolongée";
    }
    throw new InvalidInputException(sentence + ".");
  }

  private void writeDays(Item item, long reservationId, LocalDate first, LocalDate last) {
    List<Object[]> rows = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      rows.add(new Object[] {item.id(), day, reservationId});
    }
    try {
      batch.batchUpdate("insert into reservation_day (item_id, reserved_on, reservation_id) values (?, ?, ?)", rows);
    } catch (DuplicateKeyException e) {
      // Another reservation holds one of these days and was written without the item's lock: the database refused.
      throw new InvalidInputException(capitalised(item.named()) + " est déjà réservé sur une partie de la période "
          + Periods.french(first, last) + ".");
    }
  }

  /** The item, its row locked until the transaction ends: the reservations of one item are written one at a time. */
  private Item lockItem(long itemId) {
    List<Long> locked = jdbc.sql("select id from equipment_item where id = ? for update").param(itemId)
        .query(Long.class).list();
    if (locked.isEmpty()) {
      throw new InvalidInputException("Ce matériel n'existe pas dans le catalogue.");
    }
    return itemOrRefuse(itemId);
  }

  private Item itemOrRefuse(long itemId) {
    return catalogue.item(itemId).orElseThrow(() -> new InvalidInputException("Ce matériel n'existe pas dans le catalogue."));
  }

  private Reservation reservationOrRefuse(long reservationId) {
    return reservation(reservationId).orElseThrow(() -> new InvalidInputException("Cette réservation n'existe pas."));
  }

  static void checkPeriod(LocalDate first, LocalDate last) {
    if (first == null || last == null) {
      throw new InvalidInputException("Le premier et le dernier jour de la période sont obligatoires.");
    }
    if (last.isBefore(first)) {
      throw new InvalidInputException("Le dernier jour (" + ParisTime.formatDate(last) + ") précède le premier ("
          + ParisTime.formatDate(first) + ").");
    }
    long days = last.toEpochDay() - first.toEpochDay() + 1;
    if (days > MAX_DAYS) {
      throw new InvalidInputException("Une période compte au plus " + MAX_DAYS + " jours (celle-ci en compte " + days + ").");
    }
  }

  private static void checkLength(int length) {
    if (length < 1 || length > MAX_DAYS) {
      throw new InvalidInputException("Une période compte de 1 à " + MAX_DAYS + " jours.");
    }
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static Reservation map(ResultSet rs, int row) throws SQLException {
    return new Reservation(rs.getLong("id"), rs.getLong("item_id"), rs.getObject("first_day", LocalDate.class),
        rs.getObject("last_day", LocalDate.class), ReservationKind.valueOf(rs.getString("kind")),
        rs.getString("reference"), rs.getObject("released_at") != null);
  }
}
