package fr.manche.tna.loan;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.EquipmentType;
import fr.manche.tna.inventory.FreePeriod;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Periods;
import fr.manche.tna.inventory.ReservationKind;
import fr.manche.tna.loan.LoanRequest.RequestedItem;
import fr.manche.tna.membership.Insurance;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's loan request and its decision. Checked on the server when it is filed and again when it is approved:
 * R08 the organisation may borrow over the whole period, R14 its insurance certificate covers it, the first day is
 * not past, the last not before the first, at most {@value Availability#MAX_DAYS} days, R10 a reason beyond
 * {@value LoanRules#MAX_ORDINARY_DAYS} days, and every item asked for is free ({@link Availability}); when one is
 * not, the refusal names its nearest free periods. Approval reserves the items in its own transaction.
 */
@Service
public class LoanRequestService {

  /** What the member's start form says (strings, checked here). */
  public record Submission(
      String activities, String expectedAudience, String firstDay, String lastDay, String longerNeedReason) {}

  /** The items free over a request's whole period, and what to tell when few or none are. */
  public record FreeItems(List<Item> items, String summary) {

    /**
     * What a member may ask by type rather than by item: for each type with free items, « 1 × Drone » up to as
     * many as are free (at most {@value #MAX_BY_TYPE}); the value is {@code type:<type id>:<quantity>}.
     */
    public List<TypeQuantity> byType() {
      Map<Long, List<Item>> byType = new java.util.LinkedHashMap<>();
      items.forEach(item -> byType.computeIfAbsent(item.typeId(), id -> new ArrayList<>()).add(item));
      List<TypeQuantity> choices = new ArrayList<>();
      byType.forEach((typeId, free) -> {
        for (int quantity = 1; quantity <= Math.min(free.size(), MAX_BY_TYPE); quantity++) {
          choices.add(new TypeQuantity(typeId, free.get(0).typeName(), quantity, free.size()));
        }
      });
      return choices;
    }
  }

  /** The most items of one type a member asks for without naming them. */
  public static final int MAX_BY_TYPE = 5;

  /** « 2 × Drone (3 libres) »: a quantity of a type, the server choosing the items. */
  public record TypeQuantity(long typeId, String typeName, int quantity, int free) {

    public String value() {
      return "type:" + typeId + ":" + quantity;
    }

    public String label() {
      return quantity + " × " + typeName + " (" + (free == 1 ? "1 libre" : free + " libres") + ")";
    }
  }

  private final JdbcClient jdbc;
  private final Catalogue catalogue;
  private final Availability availability;
  private final ConventionLifecycle conventions;
  private final OrganisationRepository organisations;
  private final AuditLog audit;

  LoanRequestService(JdbcClient jdbc, Catalogue catalogue, Availability availability, ConventionLifecycle conventions,
      OrganisationRepository organisations, AuditLog audit) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.availability = availability;
    this.conventions = conventions;
    this.organisations = organisations;
    this.audit = audit;
  }

  /**
   * Records a new request after every check but the items, which the member chooses next among those free
   * ({@link #freeItems}); refused in French otherwise, nothing written.
   *
   * @return its id
   */
  @Transactional
  public long register(long organisationId, String processInstanceId, String requestedBy, Submission submission) {
    String activities = Inputs.required(submission.activities(), "Activités prévues", 4000);
    String audience = Inputs.required(submission.expectedAudience(), "Public attendu", 2000);
    LocalDate first = ParisTime.parseDate(submission.firstDay(), "Premier jour du prêt");
    LocalDate last = ParisTime.parseDate(submission.lastDay(), "Dernier jour du prêt");
    String reason = checkedPeriod(organisationId, first, last, submission.longerNeedReason());
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into loan_request (organisation_id, process_instance_id, requested_by, activities, expected_audience,
                                      first_day, last_day, longer_need_reason, status, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(organisationId, processInstanceId, requestedBy, activities, audience, first, last, reason,
            LoanRequestStatus.A_COMPLETER.name(), ParisTime.now().toOffsetDateTime())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /**
   * The items free over the whole period of the request (available, reserved on no day of it), by type and
   * number: the only options the member is offered. When none is, the summary gives the nearest free periods of
   * the same length, type by type.
   */
  public FreeItems freeItems(long requestId) {
    LoanRequest request = find(requestId);
    Set<Long> reserved = availability.reservedItems(request.firstDay(), request.lastDay());
    List<Item> free = catalogue.items().stream()
        .filter(item -> item.status() == ItemStatus.AVAILABLE && !reserved.contains(item.id()))
        .sorted(Comparator.comparing(Item::typeName).thenComparing(Item::inventoryNumber))
        .toList();
    String period = request.period() + " (" + request.daysLabel() + ")";
    if (!free.isEmpty()) {
      return new FreeItems(free, free.size() == 1
          ? "Un seul matériel est libre " + period + "."
          : free.size() + " matériels sont libres " + period + ".");
    }
    List<String> nearest = new ArrayList<>();
    for (EquipmentType type : catalogue.types()) {
      availability.nextFreePeriodsOfType(type.id(), (int) request.days(), ParisTime.today()).stream().findFirst()
          .ifPresent(period2 -> nearest.add(period2.french()));
    }
    return new FreeItems(free, "Aucun matériel n'est libre " + period + "."
        + (nearest.isEmpty() ? "" : " Périodes libres les plus proches : " + String.join(" ; ", nearest) + ".")
        + " Choisissez « Changer de période ».");
  }

  /**
   * The member's choice among the free items (their ids): checked again (each exists, is not retired, is free over
   * the whole period), then the request goes to examination.
   */
  @Transactional
  public LoanRequest chooseItems(long requestId, List<String> itemIds) {
    return chooseItems(requestId, itemIds, List.of());
  }

  /**
   * The member's choice: items by id, and quantities of types ({@link TypeQuantity#value()}), for which the server
   * takes the free items of that type in inventory order, beside those named. Checked as above.
   */
  @Transactional
  public LoanRequest chooseItems(long requestId, List<String> itemIds, List<String> typeQuantities) {
    LoanRequest request = lockPending(requestId, LoanRequestStatus.A_COMPLETER);
    List<Item> items = new ArrayList<>(items(itemIds, typeQuantities == null || typeQuantities.isEmpty()));
    items.addAll(byType(request, typeQuantities, items));
    if (items.size() > 20) {
      throw new InvalidInputException("Une demande de prêt porte sur 20 matériels au plus.");
    }
    checkMayBorrow(request.organisationId(), request.firstDay(), request.lastDay());
    checkFree(items, request.firstDay(), request.lastDay());
    jdbc.sql("delete from loan_request_item where loan_request_id = ?").param(requestId).update();
    for (int position = 0; position < items.size(); position++) {
      jdbc.sql("insert into loan_request_item (loan_request_id, position, item_id) values (?, ?, ?)")
          .params(requestId, position, items.get(position).id()).update();
    }
    jdbc.sql("update loan_request set status = ? where id = ?").params(LoanRequestStatus.EN_EXAMEN.name(), requestId).update();
    return find(requestId);
  }

  /** Another period for a request whose items are not chosen yet: checked as at the start. */
  @Transactional
  public LoanRequest changePeriod(long requestId, String firstDay, String lastDay, String longerNeedReason) {
    LoanRequest request = lockPending(requestId, LoanRequestStatus.A_COMPLETER);
    LocalDate first = ParisTime.parseDate(firstDay, "Nouveau premier jour");
    LocalDate last = ParisTime.parseDate(lastDay, "Nouveau dernier jour");
    String reason = checkedPeriod(request.organisationId(), first, last, longerNeedReason);
    jdbc.sql("update loan_request set first_day = ?, last_day = ?, longer_need_reason = ? where id = ?")
        .params(first, last, reason, requestId).update();
    return find(requestId);
  }

  /** The member gives up a request whose items are not chosen yet. */
  @Transactional
  public void abandon(long requestId, String actor) {
    LoanRequest request = lockPending(requestId, LoanRequestStatus.A_COMPLETER);
    jdbc.sql("update loan_request set status = ?, cancelled_at = ? where id = ?")
        .params(LoanRequestStatus.ANNULEE.name(), ParisTime.now().toOffsetDateTime(), requestId).update();
    audit.record(actor, "Demande de prêt abandonnée", "Prêt n° " + requestId + ", " + request.period(),
        request.organisationId(), null);
  }

  /**
   * Records the decision on a request in examination. An approval checks everything again (the convention, the
   * insurance, the dates, the items) and reserves every item through {@link Availability#reserve} in this
   * transaction: a refusal of any of them (French) rolls everything back. A proposal sends the request back to the
   * member, who chooses again. Recorded in the audit journal.
   */
  @Transactional
  public LoanRequest decide(long requestId, LoanDecision decision, String reason, String actor) {
    LoanRequest request = lockPending(requestId, LoanRequestStatus.EN_EXAMEN);
    String checkedReason = Inputs.optional(reason, "Motif de la décision", 2000);
    if (decision == LoanDecision.PROPOSE) {
      jdbc.sql("update loan_request set status = ?, proposal = ? where id = ?")
          .params(LoanRequestStatus.A_COMPLETER.name(), checkedReason, requestId).update();
      audit.record(actor, "Autre proposition pour une demande de prêt", describe(request), request.organisationId(),
          checkedReason);
      return find(requestId);
    }
    if (decision == LoanDecision.APPROVE) {
      checkPeriod(request.firstDay(), request.lastDay());
      checkMayBorrow(request.organisationId(), request.firstDay(), request.lastDay());
      List<Item> items = request.items().stream().map(item -> catalogue.item(item.itemId()).orElseThrow()).toList();
      checkFree(items, request.firstDay(), request.lastDay());
      for (RequestedItem item : request.items()) {
        long reservation = availability.reserve(item.itemId(), request.firstDay(), request.lastDay(), ReservationKind.LOAN,
            reference(requestId)).id();
        jdbc.sql("update loan_request_item set reservation_id = ? where loan_request_id = ? and item_id = ?")
            .params(reservation, requestId, item.itemId()).update();
      }
    }
    if (decision == LoanDecision.REFUSE_OWN_USE) {
      checkedReason = OWN_USE_REASON + checkedReason;
    }
    LoanRequestStatus status = decision == LoanDecision.APPROVE ? LoanRequestStatus.APPROUVEE : LoanRequestStatus.REFUSEE;
    jdbc.sql("update loan_request set status = ?, decision_reason = ?, decided_by = ?, decided_at = ? where id = ?")
        .params(status.name(), checkedReason, actor, ParisTime.now().toOffsetDateTime(), requestId)
        .update();
    audit.record(actor, "Demande de prêt " + status.label() + (request.longLoan() ? " (plus de 30 jours)" : ""),
        describe(request), request.organisationId(), checkedReason);
    return find(requestId);
  }

  /** How a refusal for the département's own use begins (R11). */
  public static final String OWN_USE_REASON =
      "Le Département a besoin de ce matériel pour son propre usage sur cette période (article 4.3, priorité du"
          + " Département). ";

  /** The reference of a loan's reservations. */
  public static String reference(long requestId) {
    return "pret-" + requestId;
  }

  public LoanRequest find(long requestId) {
    List<RequestedItem> items = jdbc.sql("""
            select i.item_id, e.inventory_number, t.name, i.reservation_id
              from loan_request_item i join equipment_item e on e.id = i.item_id join equipment_type t on t.id = e.type_id
             where i.loan_request_id = ? order by i.position
            """)
        .param(requestId)
        .query((rs, row) -> new RequestedItem(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4) == null ? null : rs.getLong(4)))
        .list();
    return jdbc.sql("select * from loan_request where id = ?").param(requestId)
        .query((rs, row) -> map(rs, items)).optional()
        .orElseThrow(() -> new InvalidInputException("Aucune demande de prêt ne porte le numéro " + requestId + "."));
  }

  /** The request, its row locked, refused in French unless it is in the given state. */
  LoanRequest lockPending(long requestId, LoanRequestStatus expected) {
    List<String> status = jdbc.sql("select status from loan_request where id = ? for update").param(requestId)
        .query(String.class).list();
    if (status.isEmpty()) {
      throw new InvalidInputException("Aucune demande de prêt ne porte le numéro " + requestId + ".");
    }
    LoanRequest request = find(requestId);
    if (request.status() != expected) {
      throw new InvalidInputException("Cette demande de prêt n'attend plus cette étape (elle est "
          + request.status().label() + ").");
    }
    return request;
  }

  static String describe(LoanRequest request) {
    return "Prêt n° " + request.id() + " : " + (request.items().isEmpty() ? "matériel à choisir" : request.itemsNamed())
        + ", " + request.period();
  }

  /** The period's checks (dates, R10 reason, R08, R14); returns the reason to keep (only for a long loan). */
  String checkedPeriod(long organisationId, LocalDate first, LocalDate last, String longerNeedReason) {
    checkPeriod(first, last);
    String reason = Inputs.optional(longerNeedReason, "Raison d'un besoin de plus de 30 jours", 2000);
    if (LoanRules.isLong(first, last) && (reason == null || reason.length() < LoanDecision.MIN_REASON)) {
      throw new InvalidInputException("Votre demande dépasse " + LoanRules.MAX_ORDINARY_DAYS
          + " jours : expliquez pourquoi vous avez besoin du matériel plus longtemps (au moins " + LoanDecision.MIN_REASON
          + " caractères), le Département l'examinera (article 4.3).");
    }
    checkMayBorrow(organisationId, first, last);
    return LoanRules.isLong(first, last) ? reason : null;
  }

  static void checkPeriod(LocalDate first, LocalDate last) {
    if (last.isBefore(first)) {
      throw new InvalidInputException("Le dernier jour du prêt (" + ParisTime.formatDate(last)
          + ") ne peut pas précéder le premier (" + ParisTime.formatDate(first) + ").");
    }
    if (first.isBefore(ParisTime.today())) {
      throw new InvalidInputException("Le premier jour du prêt (" + ParisTime.formatDate(first)
          + ") est passé : choisissez aujourd'hui ou un jour à venir.");
    }
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    if (days > Availability.MAX_DAYS) {
      throw new InvalidInputException("Une période de prêt ne dépasse pas " + Availability.MAX_DAYS
          + " jours ; celle demandée en compte " + days + ".");
    }
  }

  /**
   * For each « type:<id>:<quantity> », that many free items of the type over the request's period, not among those
   * already chosen; one quantity per type.
   */
  private List<Item> byType(LoanRequest request, List<String> typeQuantities, List<Item> chosen) {
    List<Item> taken = new ArrayList<>();
    Set<Long> types = new java.util.HashSet<>();
    Set<Long> already = new java.util.HashSet<>();
    chosen.forEach(item -> already.add(item.id()));
    Set<Long> reserved = availability.reservedItems(request.firstDay(), request.lastDay());
    for (String value : typeQuantities == null ? List.<String>of() : typeQuantities) {
      java.util.regex.Matcher parts = java.util.regex.Pattern.compile("type:(\\d{1,18}):(\\d{1,2})").matcher(value);
      if (!parts.matches()) {
        throw new InvalidInputException("Choisissez un nombre de matériels dans la liste proposée.");
      }
      long typeId = Long.parseLong(parts.group(1));
      int quantity = Integer.parseInt(parts.group(2));
      EquipmentType type = catalogue.type(typeId)
          .orElseThrow(() -> new InvalidInputException("Ce type de matériel n'existe pas dans le catalogue."));
      if (!types.add(typeId)) {
        throw new InvalidInputException("Cochez un seul nombre de « " + type.name() + " ».");
      }
      List<Item> free = catalogue.itemsOfType(typeId).stream()
          .filter(item -> item.status() == ItemStatus.AVAILABLE && !reserved.contains(item.id()) && !already.contains(item.id()))
          .sorted(Comparator.comparing(Item::inventoryNumber))
          .toList();
      if (quantity < 1 || free.size() < quantity) {
        throw new InvalidInputException("Il ne reste " + (free.isEmpty() ? "aucun « " + type.name() + " » libre"
            : (free.size() == 1 ? "qu'un « " + type.name() + " » libre" : "que " + free.size() + " « " + type.name() + " » libres"))
            + " " + request.period() + " (en plus de ceux cochés) : choisissez un nombre plus petit.");
      }
      free.subList(0, quantity).forEach(item -> {
        taken.add(item);
        already.add(item.id());
      });
    }
    return taken;
  }

  /** The items chosen by their ids, each once, none retired; none at all only when types are asked for. */
  private List<Item> items(List<String> itemIds, boolean required) {
    Set<String> distinct = new LinkedHashSet<>(itemIds == null ? List.of() : itemIds);
    if (distinct.isEmpty() && !required) {
      return List.of();
    }
    if (distinct.isEmpty()) {
      throw new InvalidInputException("Cochez au moins un matériel, ou un nombre de matériels d'un type, ou choisissez « Changer de période ».");
    }
    if (distinct.size() > 20) {
      throw new InvalidInputException("Une demande de prêt porte sur 20 matériels au plus.");
    }
    List<Item> items = new ArrayList<>();
    for (String id : distinct) {
      Item item = (id.matches("\\d{1,18}") ? catalogue.item(Long.parseLong(id)) : Optional.<Item>empty())
          .orElseThrow(() -> new InvalidInputException("Ce matériel n'existe pas dans le catalogue."));
      if (item.status() == ItemStatus.RETIRED) {
        throw new InvalidInputException("Le matériel n° " + item.inventoryNumber() + " (" + item.typeName()
            + ") est réformé : il n'est plus prêté.");
      }
      items.add(item);
    }
    return items;
  }

  /**
   * R08: the organisation may borrow on every day of the period; a convention that ends during it is refused with
   * its last day. R14: its insurance certificate covers the whole period.
   */
  void checkMayBorrow(long organisationId, LocalDate first, LocalDate last) {
    LocalDate day = first;
    while (!day.isAfter(last)) {
      if (!conventions.mayBorrow(organisationId, day)) {
        if (day.equals(first)) {
          throw new InvalidInputException("Votre structure n'a pas de convention de coopération en vigueur le "
              + ParisTime.formatDate(first) + " : seuls les membres dont la convention est en vigueur peuvent emprunter"
              + " (article 4.2).");
        }
        throw new InvalidInputException("Votre convention de coopération prend fin le "
            + ParisTime.formatDate(day.minusDays(1)) + " : le prêt ne peut pas aller au-delà (article 4.2). Choisissez un"
            + " dernier jour au plus tard le " + ParisTime.formatDate(day.minusDays(1)) + ".");
      }
      LocalDate current = day;
      LocalDate lastInForce = conventions.inForceOn(organisationId, day).map(Convention::lastDay)
          .filter(end -> !end.isBefore(current)).orElse(day);
      day = lastInForce.plusDays(1);
    }
    Optional<Insurance> insurance = organisations.insuranceOf(organisationId);
    if (insurance.isEmpty()) {
      throw new InvalidInputException("Aucune attestation d'assurance de votre structure n'est enregistrée : le matériel"
          + " prêté doit être assuré contre le vol et les dommages (article 4.1). Envoyez votre attestation au"
          + " Département avant de demander un prêt.");
    }
    Insurance certificate = insurance.get();
    if (!certificate.covers(first) || !certificate.covers(last)) {
      throw new InvalidInputException("Votre attestation d'assurance (" + certificate.insurer() + ", police n° "
          + certificate.policyNumber() + ") couvre " + Periods.french(certificate.validFrom(), certificate.validUntil())
          + " : elle doit couvrir toute la période du prêt, " + Periods.french(first, last)
          + " (article 4.1). Envoyez au Département une attestation à jour.");
    }
  }

  /** Every item is free over the period; otherwise the refusal names each busy item's nearest free periods. */
  void checkFree(List<Item> items, LocalDate first, LocalDate last) {
    List<String> refusals = new ArrayList<>();
    int length = (int) (ChronoUnit.DAYS.between(first, last) + 1);
    for (Item item : items) {
      if (availability.isFree(item.id(), first, last)) {
        continue;
      }
      String busy = "Le matériel n° " + item.inventoryNumber() + " (" + item.typeName() + ") n'est pas libre "
          + Periods.french(first, last) + ".";
      List<FreePeriod> periods = availability.nextFreePeriods(item.id(), length, ParisTime.today());
      refusals.add(periods.isEmpty()
          ? busy + " Il n'est libre sur aucune période de " + length + " jours dans l'année qui vient."
          : busy + " Périodes libres les plus proches : "
              + periods.stream().map(period -> Periods.french(period.first(), period.last())).collect(Collectors.joining(" ; "))
              + ".");
    }
    if (!refusals.isEmpty()) {
      throw new InvalidInputException(String.join(" ", refusals));
    }
  }

  private static LoanRequest map(ResultSet rs, List<RequestedItem> items) throws SQLException {
    return new LoanRequest(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("process_instance_id"),
        rs.getString("requested_by"),
        rs.getString("activities"),
        rs.getString("expected_audience"),
        rs.getObject("first_day", LocalDate.class),
        rs.getObject("last_day", LocalDate.class),
        rs.getString("longer_need_reason"),
        items,
        LoanRequestStatus.valueOf(rs.getString("status")),
        rs.getString("decision_reason"),
        rs.getString("decided_by"),
        rs.getObject("decided_at", java.time.OffsetDateTime.class),
        rs.getString("proposal"),
        rs.getObject("returned_on", LocalDate.class),
        rs.getObject("picked_up_at", java.time.OffsetDateTime.class));
  }
}
