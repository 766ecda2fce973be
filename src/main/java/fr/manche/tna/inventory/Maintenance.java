package fr.manche.tna.inventory;

import fr.manche.tna.inventory.process.MaintenanceProcess;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routine servicing and software updates of the equipment (R18). Each type may say after how many loans and/or
 * how many days its items are serviced, and what is done. A maintenance is opened after the return that reaches the
 * number of loans ({@link #afterReturn}), or by the daily sweep once the number of days since the last one has passed
 * ({@link #sweep}); it holds the item through the one availability ({@link Availability#reserve}, kind
 * {@link ReservationKind#MAINTENANCE}) from the first days it is free, never over a loan's days, and starts the process
 * {@code Maintenance} whose task goes to the equipment managers. Not done by the end of its {@value #BLOCK_DAYS} days,
 * it holds the item one day more each morning (never over another reservation). Recording it done ({@link #complete})
 * frees the item and starts the counts again. An item never has two open maintenances: the database refuses it.
 */
@Service
public class Maintenance {

  /** How many days a maintenance holds its item. */
  public static final int BLOCK_DAYS = 3;
  /** The setting's fields, by their names in the page, and their French labels. */
  public static final String EVERY_LOANS = "tousLesNPrets";
  public static final String EVERY_DAYS = "tousLesNJours";
  public static final String WHAT = "entretien";

  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

  /** What a type's items get, and when: after {@code everyLoans} loans and/or every {@code everyDays} days. */
  public record Plan(long typeId, String typeName, Integer everyLoans, Integer everyDays, String what) {

    public boolean planned() {
      return everyLoans != null || everyDays != null;
    }

    /** « Tous les 2 prêts ou tous les 30 jours : Mise à jour du logiciel et contrôle des batteries ». */
    public String french() {
      if (!planned()) {
        return "Aucun entretien programmé.";
      }
      List<String> when = new ArrayList<>();
      if (everyLoans != null) {
        when.add(everyLoans == 1 ? "après chaque prêt" : "tous les " + everyLoans + " prêts");
      }
      if (everyDays != null) {
        when.add(everyDays == 1 ? "tous les jours" : "tous les " + everyDays + " jours");
      }
      String sentence = String.join(" ou ", when);
      return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + " : " + what + ".";
    }
  }

  /** The settings as typed on the page. */
  public record PlanDraft(String everyLoans, String everyDays, String what) {}

  /** Settings refused: one French message per field (keys {@link #EVERY_LOANS}, {@link #EVERY_DAYS}, {@link #WHAT}). */
  public static class InvalidPlanException extends InvalidInputException {
    private final Map<String, String> errors;

    InvalidPlanException(Map<String, String> errors) {
      super(String.join(" ", errors.values()));
      this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
      return errors;
    }
  }

  /** Why a maintenance was opened. */
  public enum Reason {
    PRETS, DUREE
  }

  /** One maintenance: the item held from {@code startsOn} to {@code endsOn}, open until done. */
  public record Opened(long id, long itemId, String inventoryNumber, String typeName, Reason reason, String what,
      LocalDate openedOn, LocalDate startsOn, LocalDate endsOn, Long reservationId, String processInstanceId,
      LocalDate doneOn, String doneBy, String doneWhat, String notes) {

    public boolean open() {
      return doneOn == null;
    }

    /** « INV-011 (Drone) ». */
    public String itemNamed() {
      return inventoryNumber + " (" + typeName + ")";
    }

    /** « du 3 au 5 mars 2027 »: the days the item is held. */
    public String period() {
      return Periods.french(startsOn, endsOn);
    }

    /** Why it was opened, in French. */
    public String reasonFrench() {
      return reason == Reason.PRETS ? "nombre de prêts atteint depuis le dernier entretien"
          : "durée écoulée depuis le dernier entretien";
    }
  }

  private final JdbcClient jdbc;
  private final Availability availability;
  private final Catalogue catalogue;
  private final AuditLog audit;
  private final RuntimeService runtime;

  Maintenance(JdbcClient jdbc, Availability availability, Catalogue catalogue, AuditLog audit, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.availability = availability;
    this.catalogue = catalogue;
    this.audit = audit;
    this.runtime = runtime;
  }

  // ---------------------------------------------------------------- the settings, per type

  public List<Plan> plans() {
    return jdbc.sql("select id, name, maintenance_every_loans, maintenance_every_days, maintenance_what"
        + " from equipment_type order by name").query(Maintenance::plan).list();
  }

  public Optional<Plan> plan(long typeId) {
    return jdbc.sql("select id, name, maintenance_every_loans, maintenance_every_days, maintenance_what"
        + " from equipment_type where id = ?").param(typeId).query(Maintenance::plan).optional();
  }

  /**
   * Saves a type's settings, or refuses them ({@link InvalidPlanException}, nothing saved) with a French message next
   * to each field at fault. Both numbers empty: no maintenance for the type. A number of days set starts the count of
   * days today for the items never serviced.
   */
  @Transactional
  public Plan savePlan(long typeId, PlanDraft draft, String actor) {
    Plan before = plan(typeId).orElseThrow(() -> new InvalidInputException("Ce type de matériel n'existe pas."));
    Map<String, String> errors = new LinkedHashMap<>();
    Integer loans = number(errors, EVERY_LOANS, draft.everyLoans(), "prêts", 1000);
    Integer days = number(errors, EVERY_DAYS, draft.everyDays(), "jours", 3650);
    String what = null;
    try {
      what = Inputs.optional(draft.what(), "Entretien à faire", 200);
    } catch (InvalidInputException e) {
      errors.put(WHAT, e.getMessage());
    }
    if (what == null && (loans != null || days != null) && !errors.containsKey(WHAT)) {
      errors.put(WHAT, "Dites ce que comprend l'entretien (par exemple « Mise à jour du logiciel et contrôle des"
          + " batteries »).");
    }
    if (!errors.isEmpty()) {
      throw new InvalidPlanException(errors);
    }
    jdbc.sql("update equipment_type set maintenance_every_loans = ?, maintenance_every_days = ?, maintenance_what = ?"
        + " where id = ?").params(loans, days, what, typeId).update();
    if (days != null) {
      jdbc.sql("update equipment_item set last_maintenance_on = ? where type_id = ? and last_maintenance_on is null")
          .params(ParisTime.today(), typeId).update();
    }
    Plan saved = plan(typeId).orElseThrow();
    audit.record(actor, "Entretien du type de matériel modifié", before.typeName(), null, saved.french());
    return saved;
  }

  private static Integer number(Map<String, String> errors, String field, String text, String unit, int max) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= 1 && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // told below
    }
    errors.put(field, "Écrivez un nombre entier de " + unit + " de 1 à " + max + " (ici « " + value
        + " »), ou laissez le champ vide.");
    return null;
  }

  // ---------------------------------------------------------------- opening

  /**
   * A loan of the item has come back: one more loan since its last maintenance; when its type's number of loans is
   * reached, a maintenance is opened (unless one is already). Called in the return's transaction.
   */
  @Transactional
  public Optional<Opened> afterReturn(long itemId, String actor) {
    lockItem(itemId);
    jdbc.sql("update equipment_item set loans_since_maintenance = loans_since_maintenance + 1 where id = ?")
        .param(itemId).update();
    Item item = catalogue.item(itemId).orElseThrow();
    Plan plan = plan(item.typeId()).orElseThrow();
    int loans = jdbc.sql("select loans_since_maintenance from equipment_item where id = ?").param(itemId)
        .query(Integer.class).single();
    if (plan.everyLoans() == null || loans < plan.everyLoans()) {
      return Optional.empty();
    }
    return open(item, plan, Reason.PRETS, actor);
  }

  /**
   * The daily sweep: opens a maintenance for every item whose type's number of days since its last maintenance has
   * passed (none twice: an item with an open maintenance is left as it is). An item never serviced starts its count
   * today. The open maintenances not done by the end of their days are held one day more ({@link #holdUntilDone}).
   * Returns the maintenances opened.
   */
  @Transactional
  public List<Opened> sweep(String actor) {
    LocalDate today = ParisTime.today();
    jdbc.sql("""
            update equipment_item set last_maintenance_on = ?
            where last_maintenance_on is null
              and type_id in (select id from equipment_type where maintenance_every_days is not null)
            """).param(today).update();
    List<Long> due = jdbc.sql("""
            select i.id, i.last_maintenance_on, t.maintenance_every_days from equipment_item i
            join equipment_type t on t.id = i.type_id
            where t.maintenance_every_days is not null and i.status <> 'RETIRED'
              and not exists (select 1 from maintenance m where m.open_item_id = i.id)
            order by i.id
            """)
        .query((rs, row) -> rs.getObject(2, LocalDate.class).plusDays(rs.getInt(3)).isAfter(today) ? null : rs.getLong(1))
        .list().stream().filter(java.util.Objects::nonNull).toList();
    holdUntilDone(today);
    List<Opened> opened = new ArrayList<>();
    for (long itemId : due) {
      lockItem(itemId);
      Item item = catalogue.item(itemId).orElseThrow();
      open(item, plan(item.typeId()).orElseThrow(), Reason.DUREE, actor).ifPresent(opened::add);
    }
    return opened;
  }

  /**
   * An open maintenance holds its item until it is done: one whose days end before tomorrow is held one day more,
   * through tomorrow, unless another reservation (an approved loan) has that day; then the task is overdue and the
   * loan keeps its days.
   */
  private void holdUntilDone(LocalDate today) {
    LocalDate tomorrow = today.plusDays(1);
    List<Opened> ending = jdbc.sql(SELECT + " where m.open_item_id is not null and m.ends_on < ? and m.reservation_id is not null")
        .param(tomorrow).query(Maintenance::map).list();
    for (Opened maintenance : ending) {
      lockItem(maintenance.itemId());
      Item item = catalogue.item(maintenance.itemId()).orElseThrow();
      LocalDate from = maintenance.endsOn().plusDays(1);
      boolean taken = availability.reservationsOf(item.id(), from, tomorrow).stream()
          .anyMatch(other -> other.id() != maintenance.reservationId());
      if (item.status() == ItemStatus.RETIRED || taken) {
        continue;
      }
      availability.move(maintenance.reservationId(), tomorrow);
      jdbc.sql("update maintenance set ends_on = ? where id = ?").params(tomorrow, maintenance.id()).update();
    }
  }

  /**
   * Opens a maintenance (the item's row locked by the caller): held from the first {@value #BLOCK_DAYS} days in a
   * row it is free from today on, and its process started. Nothing when one is open already, or the item retired.
   */
  private Optional<Opened> open(Item item, Plan plan, Reason reason, String actor) {
    if (item.status() == ItemStatus.RETIRED || openOf(item.id()).isPresent()) {
      return Optional.empty();
    }
    LocalDate today = ParisTime.today();
    Optional<LocalDate> first = firstFreeStretch(item.id(), today);
    if (first.isEmpty()) {
      LOG.warn("Entretien du matériel {} non ouvert : aucun créneau de {} jours libre dans l'année", item.inventoryNumber(),
          BLOCK_DAYS);
      return Optional.empty();
    }
    LocalDate last = first.get().plusDays(BLOCK_DAYS - 1);
    String what = plan.what() == null ? "Entretien courant" : plan.what();
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into maintenance (item_id, reason, what, opened_on, starts_on, ends_on, open_item_id)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(item.id(), reason.name(), what, today, first.get(), last, item.id())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    Reservation held = availability.reserve(item.id(), first.get(), last, ReservationKind.MAINTENANCE, "maintenance-" + id);
    jdbc.sql("update maintenance set reservation_id = ? where id = ?").params(held.id(), id).update();
    String instance = runtime.startProcessInstanceByKey(MaintenanceProcess.KEY, "entretien-" + id,
        Map.of(MaintenanceProcess.MAINTENANCE_ID.name(), id)).getId();
    jdbc.sql("update maintenance set process_instance_id = ? where id = ?").params(instance, id).update();
    audit.record(actor, "Entretien du matériel ouvert", item.inventoryNumber() + " (" + item.typeName() + ")", null,
        what + ", " + Periods.french(first.get(), last));
    return Optional.of(find(id));
  }

  /** The first day from {@code from} on that starts {@value #BLOCK_DAYS} days in a row the item holds for nobody. */
  private Optional<LocalDate> firstFreeStretch(long itemId, LocalDate from) {
    LocalDate end = from.plusDays(Availability.HORIZON_DAYS + BLOCK_DAYS);
    Set<LocalDate> reserved = new HashSet<>();
    for (Reservation reservation : availability.reservationsOf(itemId, from, end)) {
      for (LocalDate day = reservation.first(); !day.isAfter(reservation.last()); day = day.plusDays(1)) {
        reserved.add(day);
      }
    }
    int run = 0;
    for (LocalDate day = from; !day.isAfter(end); day = day.plusDays(1)) {
      run = reserved.contains(day) ? 0 : run + 1;
      if (run == BLOCK_DAYS) {
        return Optional.of(day.minusDays(BLOCK_DAYS - 1));
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- done

  /**
   * An equipment manager records the maintenance done (what was done is required): the item is free again, and its
   * counts of loans and days start over today. Refused in French when already recorded.
   */
  @Transactional
  public Opened complete(long maintenanceId, String doneWhat, String notes, String actor) {
    Opened maintenance = find(maintenanceId);
    String checkedWhat = Inputs.required(doneWhat, "Ce qui a été fait", 2000);
    String checkedNotes = Inputs.optional(notes, "Remarques", 2000);
    if (!maintenance.open()) {
      throw new InvalidInputException("Cet entretien a déjà été enregistré le " + ParisTime.formatDate(maintenance.doneOn())
          + ".");
    }
    LocalDate today = ParisTime.today();
    jdbc.sql("""
            update maintenance set done_on = ?, done_by = ?, done_what = ?, notes = ?, open_item_id = null
            where id = ?
            """).params(today, actor, checkedWhat, checkedNotes, maintenanceId).update();
    if (maintenance.reservationId() != null) {
      availability.release(maintenance.reservationId());
    }
    jdbc.sql("update equipment_item set last_maintenance_on = ?, loans_since_maintenance = 0 where id = ?")
        .params(today, maintenance.itemId()).update();
    audit.record(actor, "Entretien du matériel fait", maintenance.itemNamed(), null, checkedWhat);
    return find(maintenanceId);
  }

  // ---------------------------------------------------------------- reading

  public Opened find(long id) {
    return jdbc.sql(SELECT + " where m.id = ?").param(id).query(Maintenance::map).optional()
        .orElseThrow(() -> new InvalidInputException("Cet entretien n'existe pas."));
  }

  /** The item's open maintenance, if any. */
  public Optional<Opened> openOf(long itemId) {
    return jdbc.sql(SELECT + " where m.open_item_id = ?").param(itemId).query(Maintenance::map).optional();
  }

  /** Every maintenance of the item, the latest first. */
  public List<Opened> ofItem(long itemId) {
    return jdbc.sql(SELECT + " where m.item_id = ? order by m.id desc").param(itemId).query(Maintenance::map).list();
  }

  /** The open maintenances, by item id: what the catalogue page shows. */
  public Map<Long, Opened> open() {
    Map<Long, Opened> open = new LinkedHashMap<>();
    jdbc.sql(SELECT + " where m.open_item_id is not null order by m.starts_on").query(Maintenance::map).list()
        .forEach(maintenance -> open.put(maintenance.itemId(), maintenance));
    return open;
  }

  private void lockItem(long itemId) {
    if (jdbc.sql("select id from equipment_item where id = ? for update").param(itemId).query(Long.class).list().isEmpty()) {
      throw new InvalidInputException("Ce matériel n'existe pas dans le catalogue.");
    }
  }

  private static final String SELECT = """
      select m.*, i.inventory_number, t.name as type_name from maintenance m
      join equipment_item i on i.id = m.item_id join equipment_type t on t.id = i.type_id""";

  private static Opened map(ResultSet rs, int row) throws SQLException {
    return new Opened(rs.getLong("id"), rs.getLong("item_id"), rs.getString("inventory_number"),
        rs.getString("type_name"), Reason.valueOf(rs.getString("reason")), rs.getString("what"),
        rs.getObject("opened_on", LocalDate.class), rs.getObject("starts_on", LocalDate.class),
        rs.getObject("ends_on", LocalDate.class), (Long) rs.getObject("reservation_id", Long.class),
        rs.getString("process_instance_id"), rs.getObject("done_on", LocalDate.class), rs.getString("done_by"),
        rs.getString("done_what"), rs.getString("notes"));
  }

  private static Plan plan(ResultSet rs, int row) throws SQLException {
    return new Plan(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getObject(4, Integer.class),
        rs.getString(5));
  }
}
