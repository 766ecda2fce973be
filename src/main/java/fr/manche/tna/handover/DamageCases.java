package fr.manche.tna.handover;

import fr.manche.tna.handover.DamageCase.ItemOutcome;
import fr.manche.tna.handover.DamageCase.Nature;
import fr.manche.tna.handover.DamageCase.Origin;
import fr.manche.tna.handover.process.DamageCaseProcess;
import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.inventory.Reservation;
import fr.manche.tna.inventory.ReservationKind;
import fr.manche.tna.loan.LoanLifecycle;
import fr.manche.tna.loan.LoanLifecycle.Replanned;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.time.ParisTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Damage, loss, theft and failure cases (issue 11, item 5, R15-R17, R19). A member reports one on an item in their
 * hands (start form of the process {@code DamageCase}); a return inspection opens one for each difference it finds
 * ({@link #openFromReturn}, which starts the process by its message). The equipment managers assess it: the item
 * repaired (blocked in the one availability until the repair's last day), retired (no replacement owed, R19; the
 * approved loans holding it re-planned) or back in service; the cost borne by the borrower (amount, insurance claim
 * reference), told to the member (R15).
 */
@Service
public class DamageCases {

  /** The message that starts {@code DamageCase} for a case the return inspection opened. */
  public static final String FOUND_AT_RETURN = "DamageFoundAtReturn";

  /** What the equipment manager decided, as the assessment form posts it, not checked yet. */
  public record Assessment(String itemOutcome, String repairUntil, boolean borrowerPays, String amount,
      String insuranceClaim, String reason) {}

  /** The assessment's effects the mails tell: the case, and the loans re-planned when the item was retired. */
  public record Assessed(DamageCase damageCase, List<Replanned> replanned) {}

  private final JdbcClient jdbc;
  private final Catalogue catalogue;
  private final Availability availability;
  private final LoanRequestService loans;
  private final LoanLifecycle lifecycle;
  private final OrganisationRepository organisations;
  private final AuditLog audit;
  private final RuntimeService runtime;

  DamageCases(JdbcClient jdbc, Catalogue catalogue, Availability availability, LoanRequestService loans,
      LoanLifecycle lifecycle, OrganisationRepository organisations, AuditLog audit, @Lazy RuntimeService runtime) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.availability = availability;
    this.loans = loans;
    this.lifecycle = lifecycle;
    this.organisations = organisations;
    this.audit = audit;
    this.runtime = runtime;
  }

  /**
   * A member reports a failure, damage, loss or theft of an item their organisation has picked up and not returned
   * (in the start transaction of their process: a refusal, in French, creates nothing).
   */
  @Transactional
  public long report(long organisationId, String inventoryNumber, String nature, String occurredOn, String description,
      String processInstanceId, String actor) {
    String number = inventoryNumber == null ? "" : inventoryNumber.strip().toUpperCase(Locale.ROOT);
    if (number.isEmpty()) {
      throw new InvalidInputException("Indiquez le numéro d'inventaire du matériel, inscrit sur son étiquette (par exemple"
          + " INV-011).");
    }
    Item item = catalogue.itemNumbered(number).orElseThrow(() -> new InvalidInputException("Aucun matériel ne porte le"
        + " numéro « " + number + " » : recopiez celui de son étiquette (par exemple INV-011)."));
    LoanRequest loan = jdbc.sql("""
            select l.id from loan_request l join loan_request_item i on i.loan_request_id = l.id
            where i.item_id = ? and l.organisation_id = ? and l.status = 'APPROUVEE' and l.picked_up_at is not null
            order by l.id desc
            """).params(item.id(), organisationId).query(Long.class).list().stream().findFirst().map(loans::find)
        .orElseThrow(() -> new InvalidInputException("Le matériel n° " + number + " n'est pas en prêt chez vous : seul le"
            + " matériel que votre structure a retiré et pas encore rendu peut être signalé ici."));
    Nature checkedNature = java.util.Arrays.stream(Nature.values())
        .filter(value -> value.name().equalsIgnoreCase(nature == null ? "" : nature.strip())).findFirst()
        .orElseThrow(() -> new InvalidInputException("Dites ce qui est arrivé : une panne, un dégât, une perte ou un vol."));
    LocalDate day = ParisTime.parseDate(occurredOn, "Date des faits");
    LocalDate pickedUp = loan.pickedUpAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate();
    if (day.isAfter(ParisTime.today()) || day.isBefore(pickedUp)) {
      throw new InvalidInputException("La date des faits (" + ParisTime.formatDate(day) + ") doit se situer entre le"
          + " retrait du matériel (" + ParisTime.formatDate(pickedUp) + ") et aujourd'hui.");
    }
    String text = description == null ? "" : description.strip();
    if (text.isEmpty() || text.length() > 2000) {
      throw new InvalidInputException("Décrivez ce qui s'est passé (2000 caractères au plus) : ce que vous avez constaté,"
          + " quand, où.");
    }
    long id = insert(loan, item.id(), Origin.SIGNALEMENT, checkedNature, day, text, processInstanceId, actor);
    audit.record(actor, "Signalement : " + checkedNature.label() + " sur du matériel prêté", item.inventoryNumber() + " ("
        + item.typeName() + "), prêt n° " + loan.id(), organisationId, text);
    return id;
  }

  /** The return inspection found this difference: a case, and its process started (in the same transaction). */
  @Transactional
  public long openFromReturn(LoanRequest loan, long itemId, String description, String actor) {
    long id = insert(loan, itemId, Origin.RETOUR, DamageCase.Nature.DEGAT, ParisTime.today(), description, null, actor);
    String group = organisations.findById(loan.organisationId()).orElseThrow().tenantId();
    String instance = runtime.createMessageCorrelation(FOUND_AT_RETURN).processInstanceBusinessKey("dommage-" + id)
        .setVariables(Map.of(DamageCaseProcess.DAMAGE_CASE_ID.name(), id,
            CommonVariables.ORGANISATION_ID.name(), loan.organisationId(), CommonVariables.MEMBER_GROUP_ID.name(), group))
        .correlateStartMessage().getId();
    jdbc.sql("update damage_case set process_instance_id = ? where id = ?").params(instance, id).update();
    return id;
  }

  /**
   * The equipment manager's assessment (R15, R19), refused in French with nothing changed when a field is at fault
   * or a repair's days are taken. The item: repaired (available again, blocked for maintenance from today through the
   * repair's last day), retired (the approved loans holding it get another item of its type or are told), or back in
   * service; the cost borne by the borrower needs its amount.
   */
  @Transactional
  public Assessed assess(long caseId, Assessment assessment, String actor) {
    DamageCase damage = find(caseId);
    if (!damage.open()) {
      throw new InvalidInputException("Ce dossier est déjà examiné.");
    }
    ItemOutcome outcome = switch (assessment.itemOutcome() == null ? "" : assessment.itemOutcome().strip()) {
      case "reparation" -> ItemOutcome.REPARATION;
      case "reforme" -> ItemOutcome.REFORME;
      case "aucun" -> ItemOutcome.AUCUN;
      default -> throw new InvalidInputException("Dites ce que devient le matériel : réparation, réforme, ou remise en"
          + " service sans réparation.");
    };
    String reason = assessment.reason() == null ? "" : assessment.reason().strip();
    if (reason.isEmpty() || reason.length() > 2000) {
      throw new InvalidInputException("Expliquez votre décision à la structure (2000 caractères au plus).");
    }
    BigDecimal amount = null;
    String claim = null;
    if (assessment.borrowerPays()) {
      amount = amount(assessment.amount());
      claim = assessment.insuranceClaim() == null || assessment.insuranceClaim().isBlank() ? null
          : assessment.insuranceClaim().strip();
      if (claim != null && claim.length() > 100) {
        throw new InvalidInputException("La référence du dossier d'assurance dépasse 100 caractères.");
      }
    }
    LocalDate repairUntil = null;
    Long repairReservation = null;
    List<Replanned> replanned = new ArrayList<>();
    Item item = catalogue.item(damage.itemId()).orElseThrow();
    switch (outcome) {
      case REPARATION -> {
        repairUntil = ParisTime.parseDate(assessment.repairUntil(), "Fin de la réparation");
        if (repairUntil.isBefore(ParisTime.today())) {
          throw new InvalidInputException("La fin de la réparation (" + ParisTime.formatDate(repairUntil) + ") est passée.");
        }
        if (item.status() == ItemStatus.IN_MAINTENANCE) {
          catalogue.setStatus(item.id(), ItemStatus.AVAILABLE, actor);
        }
        LocalDate from = firstFreeDay(damage, item);
        if (repairUntil.isBefore(from)) {
          repairUntil = from;
        }
        Reservation block = availability.reserve(item.id(), from, repairUntil, ReservationKind.MAINTENANCE,
            "dommage-" + caseId);
        repairReservation = block.id();
      }
      case REFORME -> {
        catalogue.setStatus(item.id(), ItemStatus.RETIRED, actor);
        for (long loanId : lifecycle.approvedLoansHolding(item.id())) {
          if (loanId != damage.loanRequestId()) {
            replanned.add(lifecycle.replaceRetiredItem(loanId, item.id(), actor));
          }
        }
      }
      case AUCUN -> {
        if (item.status() == ItemStatus.IN_MAINTENANCE) {
          catalogue.setStatus(item.id(), ItemStatus.AVAILABLE, actor);
        }
      }
    }
    jdbc.sql("""
            update damage_case set status = 'CLOS', item_outcome = ?, repair_until = ?, repair_reservation_id = ?,
              borrower_pays = ?, amount = ?, insurance_claim = ?, decision_reason = ?, decided_by = ?, decided_at = ?
            where id = ?
            """)
        .params(outcome.name(), repairUntil, repairReservation, assessment.borrowerPays(), amount, claim, reason, actor,
            ParisTime.now().toOffsetDateTime(), caseId)
        .update();
    DamageCase assessed = find(caseId);
    audit.record(actor, "Dossier de dommage examiné", assessed.itemNamed() + " : matériel " + outcome.label()
        + (amount != null ? ", " + assessed.amountLabel() + " à la charge de la structure" : ""), damage.organisationId(),
        reason);
    return new Assessed(assessed, replanned);
  }

  public DamageCase find(long caseId) {
    return jdbc.sql(SELECT + " where d.id = ?").param(caseId).query(DamageCases::map).optional()
        .orElseThrow(() -> new InvalidInputException("Ce dossier de dommage n'existe pas."));
  }

  /** The organisation's cases, newest first. */
  public List<DamageCase> ofOrganisation(long organisationId) {
    return jdbc.sql(SELECT + " where d.organisation_id = ? order by d.id desc").param(organisationId)
        .query(DamageCases::map).list();
  }

  public Optional<DamageCase> ofProcess(String processInstanceId) {
    return jdbc.sql(SELECT + " where d.process_instance_id = ?").param(processInstanceId).query(DamageCases::map)
        .optional();
  }

  private static final String SELECT = "select d.*, i.inventory_number, t.name as type_name from damage_case d"
      + " join equipment_item i on i.id = d.item_id join equipment_type t on t.id = i.type_id";

  /** A repair starts today, or the day after the item's current loan if it is still out. */
  private LocalDate firstFreeDay(DamageCase damage, Item item) {
    LocalDate day = ParisTime.today();
    LoanRequest loan = loans.find(damage.loanRequestId());
    if (loan.returnedOn() == null && !loan.lastDay().isBefore(day)) {
      day = loan.lastDay().plusDays(1);
    }
    return day;
  }

  private static BigDecimal amount(String typed) {
    String text = typed == null ? "" : typed.replace("€", "").replace(" ", "").replace('\u00a0', ' ').strip()
        .replace(",", ".");
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() <= 0 || value.compareTo(new BigDecimal("100000")) > 0 || value.scale() > 2) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Le montant à la charge de la structure doit être une somme en euros, par exemple"
          + " 150 ou 89,90 (au plus 100 000).");
    }
  }

  private long insert(LoanRequest loan, long itemId, Origin origin, Nature nature, LocalDate occurredOn,
      String description, String processInstanceId, String actor) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into damage_case (loan_request_id, item_id, organisation_id, origin, nature, occurred_on, description,
              status, process_instance_id, opened_by, opened_at)
            values (?, ?, ?, ?, ?, ?, ?, 'OUVERT', ?, ?, ?)
            """)
        .params(loan.id(), itemId, loan.organisationId(), origin.name(), nature.name(), occurredOn, description,
            processInstanceId, actor, ParisTime.now().toOffsetDateTime())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  private static DamageCase map(ResultSet rs, int row) throws SQLException {
    String nature = rs.getString("nature");
    String outcome = rs.getString("item_outcome");
    return new DamageCase(rs.getLong("id"), rs.getLong("loan_request_id"), rs.getLong("item_id"),
        rs.getString("inventory_number") + " (" + rs.getString("type_name") + ")", rs.getLong("organisation_id"),
        Origin.valueOf(rs.getString("origin")), nature == null ? null : Nature.valueOf(nature),
        rs.getObject("occurred_on", LocalDate.class), rs.getString("description"), "OUVERT".equals(rs.getString("status")),
        rs.getString("process_instance_id"), outcome == null ? null : ItemOutcome.valueOf(outcome),
        rs.getObject("repair_until", LocalDate.class), rs.getBoolean("borrower_pays"), rs.getBigDecimal("amount"),
        rs.getString("insurance_claim"), rs.getString("decision_reason"), rs.getString("decided_by"),
        rs.getObject("opened_at", OffsetDateTime.class));
  }
}
