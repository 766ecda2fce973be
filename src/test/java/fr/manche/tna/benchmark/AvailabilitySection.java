package fr.manche.tna.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.handover.Bookings;
import fr.manche.tna.handover.HandoverKind;
import fr.manche.tna.handover.OpeningHours;
import fr.manche.tna.handover.PublicHolidays;
import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.EquipmentType;
import fr.manche.tna.inventory.FreePeriod;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemDraft;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.inventory.Reservation;
import fr.manche.tna.loan.LoanDecision;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.platform.time.ParisTime;
import java.io.StringReader;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Availability (issue 13, item 2): how long the availability check and the slot search take with 10,000 and with
 * 100,000 past and future loans in the database, and how that grows.
 *
 * <p><b>The data.</b> A catalogue made through {@link Catalogue} (60 types, about 600 items; 12 and 60 in a smoke
 * run), 150 organisations, then loans written in bulk ({@code COPY}) into exactly the rows the services write for
 * them: {@code loan_request}, {@code loan_request_item}, {@code reservation} (kind {@code LOAN}, reference
 * {@code pret-<id>}), one {@code reservation_day} per day held, {@code handover_booking} and, for the bookings still
 * held, {@code handover_place}. The loans are laid out backwards from six months ahead, about
 * {@value #LOANS_PER_DAY} a day starting, each of 1 to 30 days and 1 to 4 items of one type, never two on one item's
 * day: returned (some early, some late), cancelled, refused in the past; under way (picked up, return booked), approved
 * (pickup booked when it is within three weeks), in examination, to complete in the future. The catalogue and the
 * coming months are the same at both sizes: going from 10,000 to 100,000 loans adds ten times the history (about a
 * year, then about eleven), which is what a database accumulates. A few loans are then made through the real services
 * ({@link LoanRequestService#register}, {@code chooseItems}, {@code decide}, {@link Bookings#book}) and their rows
 * compared with a bulk loan's; the availability the services compute for bulk rows is checked against SQL.
 *
 * <p><b>The measures</b>, sequential, after {@code vacuum analyze} and a warm-up, on random items, periods and loans: the
 * checks a member meets when choosing items ({@link Availability#isFree}, as {@code checkFree} calls it for each item
 * chosen and at approval; {@link LoanRequestService#freeItems}, the options of « Choisir le matériel »), the reads
 * of the {@code /disponibilites} page (a type's items, eight weeks of reserved days) and the slot search
 * ({@link Bookings#freeSlots} for a pickup and for a return). Statements per call are counted by
 * {@code pg_stat_statements}.
 */
class AvailabilitySection implements Section {

  static final int LOANS_PER_DAY = 25;
  private static final int FUTURE_DAYS = 180;
  private static final int BOOKED_AHEAD_DAYS = 21;
  private static final int CAPACITY = 6;
  private static final int CHUNK = 4000;
  private static final String MEMBER = "bench.membre";
  private static final String MANAGER = "bench.gestionnaire";
  private static final String[] TYPE_NAMES = {
    "Casque de réalité virtuelle", "Drone", "Tablette", "Ordinateur portable", "Vidéoprojecteur", "Imprimante 3D",
    "Robot éducatif", "Kit micro:bit", "Appareil photo", "Caméra 360", "Micro sans fil", "Enceinte portable",
    "Table de mixage", "Écran interactif", "Visualiseur", "Console de jeu", "Stylo 3D", "Découpeuse vinyle",
    "Kit Arduino", "Lunettes de réalité augmentée", "Borne d'arcade", "Scanner 3D", "Casque audio", "Valise de tablettes",
    "Caméscope", "Fond vert", "Éclairage LED", "Trépied", "Routeur 4G", "Clavier braille"};
  private static final String[] MODELS = {"modèle A", "modèle B"};

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Catalogue catalogue;
  @Autowired Availability availability;
  @Autowired LoanRequestService requests;
  @Autowired Bookings bookings;
  @Autowired OpeningHours hours;

  private final Random random = new Random(13);
  private final List<Long> itemIds = new ArrayList<>();
  private final Map<Long, List<Long>> itemsByType = new LinkedHashMap<>();
  private final Map<Long, LocalDate> busyFrom = new HashMap<>();
  private final Map<Instant, Integer> taken = new HashMap<>();
  private final Map<LocalDate, List<ZonedDateTime>> slots = new HashMap<>();
  private final List<Long> organisationIds = new ArrayList<>();
  private final List<Long> pending = new ArrayList<>();
  private LocalDate today;
  private LocalDate cursor;
  private int slotMinutes;
  private Map<DayOfWeek, List<OpeningHours.Range>> week;

  @Override
  public String name() {
    return "availability";
  }

  @Override
  public void run(Scale scale, BenchmarkReport report) throws Exception {
    today = ParisTime.today();
    DatabaseStatistics statistics = new DatabaseStatistics(dataSource);
    hours.setSettings("30", String.valueOf(CAPACITY), MANAGER);
    slotMinutes = hours.settings().slotMinutes();
    week = hours.week();
    int types = scale.smoke() ? 12 : 60;
    makeCatalogue(types, scale.smoke() ? 5 : 10);
    makeOrganisations(scale.smoke() ? 10 : 150);
    report.note(name(), String.format(Locale.ROOT, "catalogue of %d types and %d items (made through Catalogue),"
        + " %d organisations; about %d loans a day starting, 1 to 30 days, 1 to 4 items of a type, laid out backwards"
        + " from %s: the coming months are the same at every size, a larger size adds history; handover capacity"
        + " set to %d a slot", itemsByType.size(), itemIds.size(), organisationIds.size(), LOANS_PER_DAY,
        "six months ahead", CAPACITY));

    Map<String, double[]> p99s = new LinkedHashMap<>();
    List<Integer> sizes = scale.availabilityLoans();
    for (int index = 0; index < sizes.size(); index++) {
      int size = sizes.get(index);
      long started = System.nanoTime();
      fillUpTo(size, index == 0);
      if (index == 0) {
        checkAgainstServices();
      }
      // As autovacuum leaves tables that old: statistics, and the visibility map that lets index-only scans skip the
      // table (right after COPY, PostgreSQL would read the heap for every index entry).
      jdbc.sql("vacuum analyze").update();
      String variant = size + " loans";
      report.note(name(), String.format(Locale.ROOT, "%s: filled in %d s; %s", variant,
          (System.nanoTime() - started) / 1_000_000_000L, contents()));
      report.note(name(), variant + ": plans: " + plans());
      report.note(name(), variant + ": measured on " + BenchmarkReport.machine());
      Map<String, Measured> measured = measure(scale.availabilitySamples(), statistics);
      for (Map.Entry<String, Measured> each : measured.entrySet()) {
        Timings timings = each.getValue().timings();
        report.figure(name(), each.getKey() + ", median", variant, timings.median(), "ms");
        report.figure(name(), each.getKey() + ", p95", variant, timings.percentile(95), "ms");
        report.target(name(), each.getKey() + ", p99", variant, timings.percentile(99), "ms",
            BenchmarkReport.Target.atMost(5, "p99 ≤ 5 ms"));
        report.figure(name(), each.getKey() + ", statements per call", variant, each.getValue().statements(), "");
        report.figure(name(), each.getKey() + ", database time per call", variant, each.getValue().databaseMillis(),
            "ms");
        p99s.computeIfAbsent(each.getKey(), key -> new double[sizes.size()])[index] = timings.percentile(99);
      }
    }
    if (sizes.size() > 1) {
      String variant = sizes.get(sizes.size() - 1) + " / " + sizes.get(0) + " loans";
      p99s.forEach((measure, values) -> report.target(name(), measure + ", p99 ratio", variant,
          values[values.length - 1] / values[0], "×", BenchmarkReport.Target.atMost(1.5, "≤ 1.5")));
    }
  }

  // ---------------------------------------------------------------------------------------------------- measures

  record Measured(Timings timings, double statements, double databaseMillis) {}

  /** The time PostgreSQL spent executing the application's statements so far (not the job executor's polling). */
  private double databaseMillis() {
    return jdbc.sql("""
        select coalesce(sum(s.total_exec_time), 0) from pg_stat_statements s
        join pg_roles r on r.oid = s.userid join pg_database d on d.oid = s.dbid
        where r.rolname = 'postgres' and d.datname = current_database() and s.query not ilike '%ACT_RU_%'
          and s.query not ilike '%pg_stat_statements%'
        """).query(Double.class).single();
  }

  /** The scans PostgreSQL chooses for the availability's reads over a period of every item and of one item. */
  private String plans() {
    LocalDate first = today.plusDays(40);
    LocalDate last = today.plusDays(69);
    return "reservedItems: " + plan("explain select distinct item_id from reservation_day where reserved_on between ? and ?",
        first, last)
        + "; isFree: " + plan("explain select i.status, exists (select 1 from reservation_day d where d.item_id = i.id"
            + " and d.reserved_on between ? and ?) from equipment_item i where i.id = ?", first, last, itemIds.get(0))
        + "; placesTaken: " + plan("explain select slot_start, count(*) from handover_place where slot_start >= ?"
            + " and slot_start < ? group by slot_start", at(first, 0, 0), at(last, 0, 0));
  }

  private String plan(String sql, Object... params) {
    return String.join(" / ", jdbc.sql(sql).params(params).query(String.class).list().stream()
        .filter(line -> line.contains("Scan")).map(line -> line.replaceAll("\\s+\\(cost=.*", "").strip()).toList());
  }

  private Map<String, Measured> measure(int samples, DatabaseStatistics statistics) throws Exception {
    List<Long> approvedAhead = jdbc.sql("select id from loan_request where status = 'APPROUVEE' and first_day > ?"
        + " and picked_up_at is null and requested_by like 'bench.%' order by id").param(today).query(Long.class).list();
    List<Long> underWay = jdbc.sql("select id from loan_request where status = 'APPROUVEE' and last_day > ?"
        + " and picked_up_at is not null and requested_by like 'bench.%' order by id").param(today).query(Long.class).list();
    if (underWay.isEmpty()) {
      underWay = approvedAhead;
    }
    List<EquipmentType> types = catalogue.types().stream().filter(type -> itemsByType.containsKey(type.id())).toList();
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<Long> ahead = approvedAhead;
    List<Long> current = underWay;

    Map<String, Supplier<Runnable>> operations = new LinkedHashMap<>();
    operations.put("isFree (one item, a period)", () -> {
      long item = pick(itemIds);
      LocalDate first = today.plusDays(random.nextInt(FUTURE_DAYS));
      LocalDate last = first.plusDays(random.nextInt(30));
      return () -> availability.isFree(item, first, last);
    });
    operations.put("freeItems (options of Choisir le matériel)", () -> {
      long request = pick(pending);
      return () -> requests.freeItems(request);
    });
    operations.put("/disponibilites reads (a type, 8 weeks)", () -> {
      long type = pick(types).id();
      // What AvailabilityController reads for the page (its rendering aside).
      return () -> {
        catalogue.types();
        List<Long> shown = catalogue.itemsOfType(type).stream().filter(item -> item.status() != ItemStatus.RETIRED)
            .map(Item::id).toList();
        availability.reservedDays(shown, monday, monday.plusWeeks(8).minusDays(1));
      };
    });
    operations.put("freeSlots, pickup", () -> {
      long loan = pick(ahead);
      return () -> bookings.freeSlots(loan, HandoverKind.RETRAIT);
    });
    operations.put("freeSlots, return", () -> {
      long loan = pick(current);
      return () -> bookings.freeSlots(loan, HandoverKind.RETOUR);
    });

    Map<String, Measured> measured = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<Runnable>> operation : operations.entrySet()) {
      // Warm-up as long as the measure: the first size is measured right after the JVM started and the fill ran.
      for (int i = 0; i < samples; i++) {
        operation.getValue().get().run();
      }
      Timings timings = new Timings();
      double databaseBefore = databaseMillis();
      DatabaseStatistics.Snapshot before = statistics.snapshot();
      for (int i = 0; i < samples; i++) {
        Runnable call = operation.getValue().get();
        timings.time(call);
      }
      DatabaseStatistics.Snapshot during = statistics.snapshot().minus(before);
      // The two snapshots' own selects are counted too (one statement each, the first one's after it ran).
      double statements = (during.statements() - during.acquisitions() - 1) / (double) samples;
      double database = (databaseMillis() - databaseBefore) / samples;
      measured.put(operation.getKey(), new Measured(timings, statements, database));
    }
    return measured;
  }

  private <T> T pick(List<T> values) {
    if (values.isEmpty()) {
      throw new IllegalStateException("nothing to measure on: the fill made no such loan");
    }
    return values.get(random.nextInt(values.size()));
  }

  private String contents() {
    return jdbc.sql("""
        select (select count(*) from loan_request) || ' loan requests, '
            || (select count(*) from reservation) || ' reservations, '
            || (select count(*) from reservation_day) || ' reserved days, '
            || (select count(*) from handover_booking) || ' handover bookings ('
            || (select count(*) from handover_place) || ' held), from '
            || (select min(first_day) from loan_request) || ' to ' || (select max(last_day) from loan_request)
        """).query(String.class).single();
  }

  // --------------------------------------------------------------------------------------- catalogue, members

  private void makeCatalogue(int types, int averageItems) {
    for (int t = 0; t < types; t++) {
      String typeName = TYPE_NAMES[t % TYPE_NAMES.length] + " " + MODELS[(t / TYPE_NAMES.length) % MODELS.length]
          + " (banc)";
      EquipmentType type = catalogue.typeNamed(typeName).orElseGet(() -> catalogue.addType(typeName, MANAGER));
      int count = averageItems / 2 + random.nextInt(averageItems + 1);
      for (int i = 1; i <= count; i++) {
        String number = String.format(Locale.ROOT, "BANC-%02d-%03d", t + 1, i);
        Item item = catalogue.create(new ItemDraft(number, "SN-" + number, typeName,
            "Chargeur|Housse de transport" + (i % 3 == 0 ? "|Notice" : ""), ItemStatus.AVAILABLE.label(), ""), MANAGER);
        itemIds.add(item.id());
        itemsByType.computeIfAbsent(type.id(), id -> new ArrayList<>()).add(item.id());
      }
    }
  }

  private void makeOrganisations(int count) {
    for (int n = 1; n <= count; n++) {
      long id = jdbc.sql("""
          insert into organisation (name, legal_form, siret, address, contact_name, contact_email, created_at,
                                    insurer, insurance_policy_number, insurance_valid_from, insurance_valid_until)
          values (?, 'COLLECTIVITE_TERRITORIALE', ?, 'Mairie, 50000 Saint-Lô', 'Marie Lefèvre', ?, ?,
                  'MAIF', ?, ?, ?)
          returning id
          """).params("Commune du banc n° " + n, String.format(Locale.ROOT, "BANC%010d", n),
              "contact" + n + "@banc.example.fr", OffsetDateTime.now(), "P-" + n, LocalDate.of(2000, 1, 1),
              LocalDate.of(2099, 12, 31))
          .query(Long.class).single();
      jdbc.sql("""
          insert into convention (organisation_id, status, applied_at, decided_at, decided_by, member_signatory_name,
                                  member_signatory_role, member_signatory_email, effective_date, last_day)
          values (?, 'SIGNEE', ?, ?, 'bench.referent', 'Jean Dupuis', 'maire', ?, ?, ?)
          """).params(id, OffsetDateTime.now(), OffsetDateTime.now(), "maire" + n + "@banc.example.fr",
              LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31)).update();
      organisationIds.add(id);
    }
  }

  // --------------------------------------------------------------------------------------------------- the fill

  /** One loan as the generator lays it out, before it is written. */
  private static final class Loan {
    long id;
    long organisationId;
    LocalDate first;
    LocalDate last;
    String status;
    List<Long> items = new ArrayList<>();
    OffsetDateTime createdAt;
    OffsetDateTime decidedAt;
    OffsetDateTime cancelledAt;
    OffsetDateTime pickedUpAt;
    LocalDate returnedOn;
    String requestedBy;
  }

  private void fillUpTo(int size, boolean first) throws Exception {
    long existing = jdbc.sql("select count(*) from loan_request").query(Long.class).single();
    int wanted = (int) Math.max(0, size - existing);
    if (first) {
      cursor = today.plusDays(Math.min(FUTURE_DAYS, wanted / (2L * LOANS_PER_DAY)));
    }
    List<Loan> chunk = new ArrayList<>();
    int made = 0;
    while (made < wanted) {
      int starting = poisson(cursor.getDayOfWeek().getValue() >= 6 ? LOANS_PER_DAY * 0.4 : LOANS_PER_DAY * 1.24);
      for (int i = 0; i < starting && made < wanted; i++) {
        Loan loan = layOut(cursor);
        if (loan != null) {
          chunk.add(loan);
          made++;
        }
      }
      if (chunk.size() >= CHUNK || made >= wanted) {
        write(chunk);
        chunk.clear();
      }
      cursor = cursor.minusDays(1);
    }
  }

  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  private Loan layOut(LocalDate first) {
    int roll = random.nextInt(100);
    int days = roll < 30 ? 1 + random.nextInt(3) : roll < 75 ? 4 + random.nextInt(7) : roll < 95 ? 11 + random.nextInt(11)
        : 22 + random.nextInt(9);
    LocalDate last = first.plusDays(days - 1);
    int wanted = roll % 20 < 12 ? 1 : roll % 20 < 17 ? 2 : roll % 20 < 19 ? 3 : 4;
    List<Long> types = new ArrayList<>(itemsByType.keySet());
    for (int attempt = 0; attempt < 6; attempt++) {
      List<Long> free = new ArrayList<>(itemsByType.get(types.get(random.nextInt(types.size()))).stream()
          .filter(item -> busyFrom.getOrDefault(item, LocalDate.MAX).isAfter(last)).toList());
      if (free.isEmpty()) {
        continue;
      }
      Loan loan = new Loan();
      loan.first = first;
      loan.last = last;
      loan.organisationId = organisationIds.get(random.nextInt(organisationIds.size()));
      loan.requestedBy = "bench.membre" + loan.organisationId;
      java.util.Collections.shuffle(free, random);
      loan.items.addAll(free.subList(0, Math.min(wanted, free.size())));
      int fate = random.nextInt(100);
      if (first.isAfter(today)) {
        loan.status = fate < 80 ? "APPROUVEE" : fate < 90 ? "EN_EXAMEN" : fate < 95 ? "A_COMPLETER" : "REFUSEE";
      } else if (!last.isBefore(today)) {
        loan.status = "APPROUVEE";
      } else {
        loan.status = fate < 88 ? "RENDUE" : fate < 94 ? "ANNULEE" : "REFUSEE";
      }
      if (loan.status.equals("A_COMPLETER")) {
        loan.items.clear();
      }
      if (loan.status.equals("APPROUVEE") || loan.status.equals("RENDUE")) {
        loan.items.forEach(item -> busyFrom.put(item, first));
      }
      LocalDate created = first.minusDays(3 + random.nextInt(38));
      if (!created.isBefore(today)) {
        created = today.minusDays(random.nextInt(5));
      }
      loan.createdAt = at(created, 9 + random.nextInt(8), random.nextInt(60));
      if (!loan.status.equals("A_COMPLETER") && !loan.status.equals("EN_EXAMEN")) {
        LocalDate decided = created.plusDays(1 + random.nextInt(3));
        if (!decided.isBefore(first) || decided.isAfter(today)) {
          decided = created;
        }
        loan.decidedAt = at(decided, 14, random.nextInt(60));
      }
      return loan;
    }
    return null;
  }

  private static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(ParisTime.ZONE).toOffsetDateTime();
  }

  /** The opening slots of a day, as {@link OpeningHours#slotsOn} cuts them (no closure is set in the benchmark). */
  private List<ZonedDateTime> slotsOn(LocalDate day) {
    return slots.computeIfAbsent(day, d -> {
      List<ZonedDateTime> starts = new ArrayList<>();
      if (PublicHolidays.on(d).isPresent()) {
        return starts;
      }
      for (OpeningHours.Range range : week.get(d.getDayOfWeek())) {
        for (LocalTime start = range.opens(); !start.plusMinutes(slotMinutes).isAfter(range.closes());
            start = start.plusMinutes(slotMinutes)) {
          starts.add(d.atTime(start).atZone(ParisTime.ZONE));
        }
      }
      return starts;
    });
  }

  /**
   * A slot with a place left on the first of these days that has one (days in order of preference), after now
   * ({@code future}) or before (a handover done), or null.
   */
  private ZonedDateTime slot(List<LocalDate> days, boolean future) {
    ZonedDateTime now = ParisTime.now();
    for (LocalDate day : days) {
      List<ZonedDateTime> open = new ArrayList<>(slotsOn(day));
      java.util.Collections.shuffle(open, random);
      for (ZonedDateTime start : open) {
        if (start.isAfter(now) == future && taken.getOrDefault(start.toInstant(), 0) < CAPACITY) {
          return start;
        }
      }
    }
    return null;
  }

  private static List<LocalDate> backwards(LocalDate from, LocalDate to) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate day = from; !day.isBefore(to); day = day.minusDays(1)) {
      days.add(day);
    }
    return days;
  }

  private static List<LocalDate> forwards(LocalDate from, LocalDate to) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.add(day);
    }
    return days;
  }

  private void write(List<Loan> loans) throws Exception {
    if (loans.isEmpty()) {
      return;
    }
    int reservationCount = loans.stream().mapToInt(loan -> loan.status.equals("APPROUVEE") || loan.status.equals("RENDUE")
        || loan.status.equals("ANNULEE") ? loan.items.size() : 0).sum();
    List<Long> loanIds = ids("loan_request", loans.size());
    List<Long> reservationIds = ids("reservation", reservationCount);
    List<Long> bookingIds = ids("handover_booking", loans.size() * 2);
    int nextReservation = 0;
    int nextBooking = 0;
    StringBuilder requestRows = new StringBuilder();
    StringBuilder itemRows = new StringBuilder();
    StringBuilder reservationRows = new StringBuilder();
    StringBuilder dayRows = new StringBuilder();
    StringBuilder bookingRows = new StringBuilder();
    StringBuilder placeRows = new StringBuilder();
    for (int l = 0; l < loans.size(); l++) {
      Loan loan = loans.get(l);
      loan.id = loanIds.get(l);
      boolean reserves = loan.status.equals("APPROUVEE") || loan.status.equals("RENDUE") || loan.status.equals("ANNULEE");
      // Handovers first: the return's day is the day the loan was returned (and the reservation cut there).
      LocalDate heldUntil = loan.last;
      List<Object[]> handovers = new ArrayList<>();
      if (loan.status.equals("RENDUE") || (loan.status.equals("APPROUVEE") && !loan.first.isAfter(today))) {
        ZonedDateTime pickup = slot(backwards(loan.first, loan.first.minusDays(7)), false);
        if (pickup == null) {
          pickup = loan.first.atTime(9, 0).atZone(ParisTime.ZONE);
        }
        taken.merge(pickup.toInstant(), 1, Integer::sum);
        loan.pickedUpAt = pickup.plusMinutes(10).toOffsetDateTime();
        handovers.add(new Object[] {"RETRAIT", pickup, "FAIT", loan.decidedAt.plusHours(2)});
        if (loan.status.equals("RENDUE")) {
          int how = random.nextInt(100);
          List<LocalDate> days = how < 85 ? backwards(loan.last, loan.first)
              : how < 95 ? backwards(loan.first.plusDays(random.nextInt((int) (loan.last.toEpochDay() - loan.first.toEpochDay()) + 1)), loan.first)
              : forwards(loan.last.plusDays(1 + random.nextInt(5)), loan.last.plusDays(14));
          days.addAll(forwards(loan.last.plusDays(1), loan.last.plusDays(14)));
          ZonedDateTime back = slot(days, false);
          if (back == null || !back.isAfter(pickup)) {
            back = pickup.plusDays(Math.max(1, loan.last.toEpochDay() - loan.first.toEpochDay()));
          }
          taken.merge(back.toInstant(), 1, Integer::sum);
          loan.returnedOn = back.toLocalDate();
          if (loan.returnedOn.isBefore(loan.last)) {
            heldUntil = loan.returnedOn;
          }
          handovers.add(new Object[] {"RETOUR", back, "FAIT", pickup.toOffsetDateTime().plusHours(1)});
        } else {
          ZonedDateTime back = slot(backwards(loan.last, max(loan.first, today)), true);
          if (back != null) {
            handovers.add(new Object[] {"RETOUR", back, "RESERVE", pickup.plusHours(1).toOffsetDateTime()});
          }
        }
      } else if (loan.status.equals("APPROUVEE") && !loan.first.isAfter(today.plusDays(BOOKED_AHEAD_DAYS))) {
        ZonedDateTime pickup = slot(backwards(loan.first, max(today, loan.first.minusDays(7))), true);
        if (pickup != null) {
          handovers.add(new Object[] {"RETRAIT", pickup, "RESERVE", loan.decidedAt.plusHours(2)});
        }
      } else if (loan.status.equals("ANNULEE")) {
        LocalDate cancelled = max(loan.decidedAt.toLocalDate(), loan.first.minusDays(1 + random.nextInt(5)));
        loan.cancelledAt = at(cancelled.isBefore(loan.first) ? cancelled : loan.decidedAt.toLocalDate(), 18, 0);
        if (random.nextBoolean()) {
          ZonedDateTime pickup = slot(backwards(loan.first, loan.first.minusDays(7)), false);
          if (pickup != null) {
            handovers.add(new Object[] {"RETRAIT", pickup, "ANNULE", loan.decidedAt.plusHours(2)});
          }
        }
      }
      row(requestRows, loan.id, loan.organisationId, null, loan.requestedBy,
          "Ateliers de découverte du numérique pour les habitants", "Une quinzaine de personnes par séance",
          loan.first, loan.last, null, loan.status,
          loan.status.equals("REFUSEE") ? "Le matériel est déjà engagé sur une manifestation du Département." : null,
          loan.decidedAt == null ? null : MANAGER, loan.decidedAt, loan.createdAt, null, loan.returnedOn,
          loan.cancelledAt, loan.pickedUpAt);
      for (int position = 0; position < loan.items.size(); position++) {
        long item = loan.items.get(position);
        Long reservation = null;
        if (reserves) {
          reservation = reservationIds.get(nextReservation++);
          row(reservationRows, reservation, item, loan.first, heldUntil, "LOAN", LoanRequestService.reference(loan.id),
              loan.decidedAt, loan.status.equals("ANNULEE") ? loan.cancelledAt : null);
          if (!loan.status.equals("ANNULEE")) {
            for (LocalDate day = loan.first; !day.isAfter(heldUntil); day = day.plusDays(1)) {
              row(dayRows, item, day, reservation);
            }
          }
        }
        row(itemRows, loan.id, position, item, reservation);
      }
      for (Object[] handover : handovers) {
        long booking = bookingIds.get(nextBooking++);
        ZonedDateTime start = (ZonedDateTime) handover[1];
        String status = (String) handover[2];
        OffsetDateTime bookedAt = (OffsetDateTime) handover[3];
        OffsetDateTime reminder = start.toLocalDate().minusDays(1).atTime(10, 0).atZone(ParisTime.ZONE).toOffsetDateTime();
        boolean reminded = bookedAt.isBefore(reminder) && reminder.toInstant().isBefore(Instant.now());
        OffsetDateTime outcomeAt = status.equals("FAIT") ? start.plusMinutes(10).toOffsetDateTime()
            : status.equals("ANNULE") ? loan.cancelledAt : null;
        row(bookingRows, booking, loan.id, handover[0], null, start.toOffsetDateTime(),
            start.plusMinutes(slotMinutes).toOffsetDateTime(), status, status.equals("ANNULE") ? 1 : 0,
            loan.requestedBy, bookedAt, outcomeAt, reminded ? reminder : null,
            outcomeAt == null ? null : status.equals("FAIT") ? MANAGER : loan.requestedBy, outcomeAt);
        if (status.equals("RESERVE")) {
          int place = taken.merge(start.toInstant(), 1, Integer::sum);
          row(placeRows, start.toOffsetDateTime(), place, booking);
        }
      }
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        copy(connection, "loan_request", "id, organisation_id, process_instance_id, requested_by, activities,"
            + " expected_audience, first_day, last_day, longer_need_reason, status, decision_reason, decided_by,"
            + " decided_at, created_at, proposal, returned_on, cancelled_at, picked_up_at", requestRows);
        copy(connection, "reservation", "id, item_id, first_day, last_day, kind, reference, created_at, released_at",
            reservationRows);
        copy(connection, "reservation_day", "item_id, reserved_on, reservation_id", dayRows);
        copy(connection, "loan_request_item", "loan_request_id, position, item_id, reservation_id", itemRows);
        copy(connection, "handover_booking", "id, loan_request_id, kind, process_instance_id, slot_start, slot_end,"
            + " status, sequence, booked_by, booked_at, changed_at, reminded_at, outcome_by, outcome_at", bookingRows);
        copy(connection, "handover_place", "slot_start, place, booking_id", placeRows);
        connection.commit();
      } catch (Exception e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** Ids drawn from the table's own identity sequence, so that the services' later inserts follow them. */
  private List<Long> ids(String table, int count) {
    if (count == 0) {
      return List.of();
    }
    return jdbc.sql("select nextval(pg_get_serial_sequence('" + table + "', 'id')) from generate_series(1, ?)")
        .param(count).query(Long.class).list();
  }

  private static void row(StringBuilder rows, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        rows.append('\t');
      }
      rows.append(values[i] == null ? "\\N" : values[i].toString());
    }
    rows.append('\n');
  }

  private static void copy(Connection connection, String table, String columns, StringBuilder rows) throws Exception {
    if (rows.isEmpty()) {
      return;
    }
    connection.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(rows.toString()));
  }

  // ------------------------------------------------------------------------------------- checked against services

  /**
   * A few loans through the real services, compared with bulk ones: the same rows (columns set or null, kinds,
   * statuses, references); the availability the services compute over bulk rows equals what SQL says. Then the
   * member's requests to complete on which {@code freeItems} is measured, filed through the service.
   */
  private void checkAgainstServices() {
    long organisation = organisationIds.get(0);
    List<Long> made = new ArrayList<>();
    for (int attempt = 0; made.size() < 3 && attempt < 100; attempt++) {
      long item = itemIds.get(random.nextInt(itemIds.size()));
      List<FreePeriod> free = availability.nextFreePeriods(item, 3 + made.size(), today.plusDays(5 + attempt));
      // A first day the Maison du Département is open: the item may be held until the day before.
      if (free.isEmpty() || hours.slotsOn(free.get(0).first()).isEmpty()) {
        continue;
      }
      FreePeriod period = free.get(0);
      long id = requests.register(organisation, null, MEMBER, new LoanRequestService.Submission(
          "Ateliers de découverte du numérique pour les habitants", "Une quinzaine de personnes par séance",
          period.first().toString(), period.last().toString(), ""));
      requests.chooseItems(id, List.of(String.valueOf(item)));
      requests.decide(id, LoanDecision.APPROVE, "", MANAGER);
      List<Bookings.FreeSlot> slotsFree = bookings.freeSlots(id, HandoverKind.RETRAIT);
      assertThat(slotsFree).as("free pickup slots of a loan made through the services").isNotEmpty();
      bookings.book(id, HandoverKind.RETRAIT, slotsFree.get(slotsFree.size() - 1).value(), null, MEMBER);
      made.add(id);
    }
    assertThat(made).as("loans made through the services").isNotEmpty();
    Long bulk = jdbc.sql("""
        select l.id from loan_request l join handover_booking b on b.loan_request_id = l.id and b.status = 'RESERVE'
                                           and b.reminded_at is null
        where l.status = 'APPROUVEE' and l.first_day > ? and l.process_instance_id is null and l.requested_by <> ?
        order by l.id limit 1
        """).params(today, MEMBER).query(Long.class).optional().orElse(null);
    if (bulk != null) {
      assertThat(shape(bulk)).as("rows of a bulk loan against those of a loan made through the services")
          .isEqualTo(shape(made.get(0)));
      // The availability the service computes over the bulk rows.
      Map<String, Object> held = jdbc.sql("select i.item_id, r.id, r.first_day, r.last_day from loan_request_item i"
          + " join reservation r on r.id = i.reservation_id where i.loan_request_id = ? order by i.position limit 1")
          .param(bulk).query().singleRow();
      long item = ((Number) held.get("item_id")).longValue();
      LocalDate first = ((java.sql.Date) held.get("first_day")).toLocalDate();
      LocalDate last = ((java.sql.Date) held.get("last_day")).toLocalDate();
      assertThat(availability.isFree(item, first, last)).isFalse();
      assertThat(availability.isFree(item, first.minusDays(1), first.minusDays(1)))
          .isEqualTo(jdbc.sql("select count(*) from reservation_day where item_id = ? and reserved_on = ?")
              .params(item, first.minusDays(1)).query(Long.class).single() == 0);
      assertThat(availability.reservationsOf(item, first, last)).extracting(Reservation::id)
          .containsExactly(((Number) held.get("id")).longValue());
    }
    // Requests to complete, through the service, on which the choice's options are measured.
    for (int n = 0; n < 20; n++) {
      LocalDate first = today.plusDays(1 + random.nextInt(FUTURE_DAYS - 30));
      LocalDate last = first.plusDays(random.nextInt(30));
      pending.add(requests.register(organisationIds.get(n % organisationIds.size()), null, MEMBER,
          new LoanRequestService.Submission("Ateliers de découverte du numérique pour les habitants",
              "Une quinzaine de personnes par séance", first.toString(), last.toString(), "")));
    }
    long request = pending.get(0);
    var asked = jdbc.sql("select first_day, last_day from loan_request where id = ?").param(request).query().singleRow();
    Set<Long> expected = new HashSet<>(jdbc.sql("""
        select i.id from equipment_item i where i.status = 'AVAILABLE' and not exists (
          select 1 from reservation_day d where d.item_id = i.id and d.reserved_on between ? and ?)
        """).params(asked.get("first_day"), asked.get("last_day")).query(Long.class).list());
    assertThat(requests.freeItems(request).items()).extracting(Item::id).containsExactlyInAnyOrderElementsOf(expected);
    // The bookings the services made hold places the rest of the fill must respect.
    jdbc.sql("select slot_start, count(*) from handover_place group by slot_start").query(rs -> {
      taken.put(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2));
    });
    jdbc.sql("select item_id, min(reserved_on) from reservation_day group by item_id").query(rs -> {
      busyFrom.merge(rs.getLong(1), rs.getObject(2, LocalDate.class), (a, b) -> a.isBefore(b) ? a : b);
    });
  }

  /** Which columns of the loan's rows are set, and the values that say what they are. */
  private Map<String, Object> shape(long loanId) {
    Map<String, Object> shape = new TreeMap<>();
    describe(shape, "loan_request", "select * from loan_request where id = ?", loanId, Set.of("status"));
    describe(shape, "loan_request_item", "select * from loan_request_item where loan_request_id = ? order by position"
        + " limit 1", loanId, Set.of());
    describe(shape, "reservation", "select r.* from reservation r join loan_request_item i on i.reservation_id = r.id"
        + " where i.loan_request_id = ? order by i.position limit 1", loanId, Set.of("kind"));
    describe(shape, "handover_booking", "select * from handover_booking where loan_request_id = ? and status = 'RESERVE'",
        loanId, Set.of("kind", "status", "sequence"));
    describe(shape, "handover_place", "select p.* from handover_place p join handover_booking b on b.id = p.booking_id"
        + " where b.loan_request_id = ?", loanId, Set.of());
    shape.put("reservation.reference is pret-<id>", jdbc.sql("select count(*) from reservation r join loan_request_item i"
        + " on i.reservation_id = r.id where i.loan_request_id = ? and r.reference = 'pret-' || i.loan_request_id")
        .param(loanId).query(Long.class).single() > 0);
    shape.put("reservation_day per day", jdbc.sql("select count(*) = sum(r.last_day - r.first_day + 1) from reservation r"
        + " join loan_request_item i on i.reservation_id = r.id where i.loan_request_id = ?")
        .param(loanId).query(Boolean.class).single());
    return shape;
  }

  private void describe(Map<String, Object> shape, String table, String sql, long loanId, Set<String> values) {
    Map<String, Object> row = jdbc.sql(sql).param(loanId).query().listOfRows().stream().findFirst().orElse(Map.of());
    shape.put(table + " present", !row.isEmpty());
    row.forEach((column, value) -> shape.put(table + "." + column.toLowerCase(Locale.ROOT),
        values.contains(column.toLowerCase(Locale.ROOT)) ? String.valueOf(value) : value == null ? "null" : "set"));
  }
}
