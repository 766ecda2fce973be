package fr.manche.tna.handover;

import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R12: equipment changes hands at the Maison du Département in opening hours, in slots fixed in advance. Staff set
 * the weekly hours, the closures, the slot's length and capacity; public holidays are closed by themselves
 * ({@link PublicHolidays}). Slots are Europe/Paris wall-clock times: 9:00 is 9:00 in Saint-Lô in winter and in
 * summer, whatever the UTC offset of that day.
 */
@Service
public class OpeningHours {

  /** A range of opening hours on a weekday. */
  public record Range(LocalTime opens, LocalTime closes) {
    @Override
    public String toString() {
      return opens + "-" + closes;
    }
  }

  /** A closure, both ends counted. */
  public record Closure(long id, LocalDate first, LocalDate last, String reason) {}

  /** The slot's length and how many handovers it holds. */
  public record Settings(int slotMinutes, int capacity) {}

  private static final Pattern RANGE = Pattern.compile("^\\s*(\\d{1,2})[h:](\\d{2})\\s*-\\s*(\\d{1,2})[h:](\\d{2})\\s*$");

  private final JdbcClient jdbc;
  private final AuditLog audit;

  OpeningHours(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public Settings settings() {
    return jdbc.sql("select slot_minutes, capacity from handover_settings where id = 1")
        .query((rs, row) -> new Settings(rs.getInt(1), rs.getInt(2))).single();
  }

  /** The opening ranges of every weekday, Monday first (an empty list: closed that day). */
  public Map<DayOfWeek, List<Range>> week() {
    Map<DayOfWeek, List<Range>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, new ArrayList<>());
    }
    jdbc.sql("select weekday, opens_at, closes_at from handover_opening order by weekday, opens_at")
        .query((rs, row) -> {
          week.get(DayOfWeek.of(rs.getInt(1))).add(new Range(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)));
          return null;
        }).list();
    return week;
  }

  /** The closures that end today or later, by first day. */
  public List<Closure> closures() {
    return jdbc.sql("select * from handover_closure where last_day >= ? order by first_day, id").param(ParisTime.today())
        .query(OpeningHours::closure).list();
  }

  /** The closures that cover at least one day from {@code first} to {@code last}, in the order they were made. */
  private List<Closure> closuresOver(LocalDate first, LocalDate last) {
    return jdbc.sql("select * from handover_closure where first_day <= ? and last_day >= ? order by id")
        .params(last, first).query(OpeningHours::closure).list();
  }

  private static Closure closure(ResultSet rs, int row) throws SQLException {
    return new Closure(rs.getLong("id"), rs.getObject("first_day", LocalDate.class),
        rs.getObject("last_day", LocalDate.class), rs.getString("reason"));
  }

  /** Why no handover takes place that day (a holiday, a closure, a day without opening hours), or empty when open. */
  public Optional<String> whyClosed(LocalDate day) {
    Optional<String> holiday = PublicHolidays.on(day);
    if (holiday.isPresent()) {
      return Optional.of("Le " + ParisTime.formatDate(day) + " est un jour férié (" + holiday.get() + ") : la Maison du"
          + " Département est fermée.");
    }
    List<Closure> closed = closuresOver(day, day);
    if (!closed.isEmpty()) {
      Closure closure = closed.get(0);
      return Optional.of("La Maison du Département est fermée " + fr.manche.tna.inventory.Periods.french(closure.first(),
          closure.last()) + " (" + closure.reason() + ").");
    }
    if (week().get(day.getDayOfWeek()).isEmpty()) {
      return Optional.of("La Maison du Département n'ouvre pas le " + weekday(day.getDayOfWeek()) + ".");
    }
    return Optional.empty();
  }

  /**
   * The slots of the day, in order: each opening range cut into slots of the set length (a remainder shorter than
   * a slot is not offered); none on a closed day. Each start is the Paris wall-clock time of that day.
   */
  public List<Slot> slotsOn(LocalDate day) {
    return slotsBetween(day, day);
  }

  /**
   * The slots of every day from {@code first} to {@code last} (both counted), in order: for each day what
   * {@link #slotsOn} gives (none on a public holiday, a closure or a day without hours, as {@link #whyClosed} says).
   * The hours, the slot's length and the closures are read once for the whole period: the slot search
   * ({@code Bookings.freeSlots}) covers up to a month of days, and reading them again for each day cost four
   * statements a day (benchmark, issue 13: 120 statements for a month's return, now three).
   */
  public List<Slot> slotsBetween(LocalDate first, LocalDate last) {
    List<Slot> slots = new ArrayList<>();
    if (last.isBefore(first)) {
      return slots;
    }
    Map<DayOfWeek, List<Range>> week = week();
    int minutes = settings().slotMinutes();
    List<Closure> closures = closuresOver(first, last);
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      LocalDate current = day;
      if (PublicHolidays.on(day).isPresent()
          || closures.stream().anyMatch(closure -> !current.isBefore(closure.first()) && !current.isAfter(closure.last()))) {
        continue;
      }
      for (Range range : week.get(day.getDayOfWeek())) {
        for (LocalTime start = range.opens(); !start.plusMinutes(minutes).isAfter(range.closes())
            && !start.plusMinutes(minutes).isBefore(start); start = start.plusMinutes(minutes)) {
          ZonedDateTime from = day.atTime(start).atZone(ParisTime.ZONE);
          slots.add(new Slot(from, day.atTime(start.plusMinutes(minutes)).atZone(ParisTime.ZONE)));
        }
      }
    }
    return slots;
  }

  /**
   * Sets a weekday's hours from what staff type: ranges separated by commas (« 9:00-12:00, 14:00-17:00 », « 9h00 -
   * 12h00 »), empty for closed. Refused in French (nothing changed) when a range is unreadable, ends before it
   * starts, or overlaps another.
   */
  @Transactional
  public void setDay(DayOfWeek day, String typed, String actor) {
    List<Range> ranges = parse(day, typed);
    if (ranges.equals(week().get(day))) {
      return; // unchanged: nothing to write, nothing in the journal
    }
    jdbc.sql("delete from handover_opening where weekday = ?").param(day.getValue()).update();
    for (Range range : ranges) {
      jdbc.sql("insert into handover_opening (weekday, opens_at, closes_at) values (?, ?, ?)")
          .params(day.getValue(), range.opens(), range.closes()).update();
    }
    audit.record(actor, "Horaires de remise modifiés", "Le " + weekday(day) + " : "
        + (ranges.isEmpty() ? "fermé" : ranges.stream().map(Range::toString).collect(Collectors.joining(", "))), null, null);
  }

  /** The slot's length (10 to 240 minutes) and capacity (1 to 20 handovers at once). */
  @Transactional
  public Settings setSettings(String slotMinutes, String capacity, String actor) {
    int minutes = number(slotMinutes, "Durée d'un créneau (minutes)", 10, 240);
    int places = number(capacity, "Remises en même temps", 1, 20);
    if (settings().equals(new Settings(minutes, places))) {
      return settings();
    }
    jdbc.sql("update handover_settings set slot_minutes = ?, capacity = ? where id = 1").params(minutes, places).update();
    audit.record(actor, "Créneaux de remise modifiés", minutes + " minutes, " + places + " remise(s) à la fois", null, null);
    return settings();
  }

  /** Closes the Maison du Département over days (both counted, not past), with the reason members read. */
  @Transactional
  public Closure addClosure(String firstDay, String lastDay, String reason, String actor) {
    LocalDate first = ParisTime.parseDate(firstDay, "Premier jour de fermeture");
    LocalDate last = lastDay == null || lastDay.isBlank() ? first : ParisTime.parseDate(lastDay, "Dernier jour de fermeture");
    if (last.isBefore(first)) {
      throw new InvalidInputException("Le dernier jour de fermeture (" + ParisTime.formatDate(last)
          + ") précède le premier (" + ParisTime.formatDate(first) + ").");
    }
    if (last.isBefore(ParisTime.today())) {
      throw new InvalidInputException("Cette fermeture est passée : indiquez des jours à venir.");
    }
    String why = Inputs.required(reason, "Motif de la fermeture", 200);
    org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into handover_closure (first_day, last_day, reason) values (?, ?, ?)").params(first, last, why)
        .update(keys, "id");
    audit.record(actor, "Fermeture de la Maison du Département", fr.manche.tna.inventory.Periods.french(first, last), null, why);
    return new Closure(keys.getKey().longValue(), first, last, why);
  }

  @Transactional
  public void removeClosure(long id, String actor) {
    if (jdbc.sql("delete from handover_closure where id = ?").param(id).update() == 0) {
      throw new InvalidInputException("Cette fermeture n'existe pas.");
    }
    audit.record(actor, "Fermeture de la Maison du Département supprimée", "Fermeture n° " + id, null, null);
  }

  /** « lundi ». */
  public static String weekday(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.FRENCH);
  }

  private static List<Range> parse(DayOfWeek day, String typed) {
    List<Range> ranges = new ArrayList<>();
    if (typed == null || typed.isBlank()) {
      return ranges;
    }
    if (typed.length() > 100) {
      throw new InvalidInputException("Les horaires du " + weekday(day) + " tiennent en 100 caractères au plus.");
    }
    for (String part : typed.split(",")) {
      Matcher matcher = RANGE.matcher(part);
      if (!matcher.matches()) {
        throw new InvalidInputException("Les horaires du " + weekday(day) + " : « " + part.strip() + " » n'est pas une plage"
            + " d'horaires ; écrivez par exemple 9:00-12:00, 14:00-17:00.");
      }
      LocalTime opens = time(day, matcher.group(1), matcher.group(2));
      LocalTime closes = time(day, matcher.group(3), matcher.group(4));
      if (!closes.isAfter(opens)) {
        throw new InvalidInputException("Les horaires du " + weekday(day) + " : la plage " + part.strip()
            + " se termine avant de commencer.");
      }
      for (Range other : ranges) {
        if (opens.isBefore(other.closes()) && other.opens().isBefore(closes)) {
          throw new InvalidInputException("Les horaires du " + weekday(day) + " : les plages " + other + " et "
              + part.strip() + " se chevauchent.");
        }
      }
      ranges.add(new Range(opens, closes));
    }
    ranges.sort(java.util.Comparator.comparing(Range::opens));
    return ranges;
  }

  private static LocalTime time(DayOfWeek day, String hour, String minute) {
    int h = Integer.parseInt(hour);
    int m = Integer.parseInt(minute);
    if (h > 23 || m > 59) {
      throw new InvalidInputException("Les horaires du " + weekday(day) + " : " + hour + ":" + minute
          + " n'est pas une heure.");
    }
    return LocalTime.of(h, m);
  }

  private static int number(String typed, String label, int min, int max) {
    String text = Inputs.required(typed, label, 10);
    try {
      int value = Integer.parseInt(text.strip());
      if (value < min || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Le champ « " + label + " » est un nombre de " + min + " à " + max + ".");
    }
  }
}
