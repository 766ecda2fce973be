package fr.manche.tna.loan.web;

import fr.manche.tna.loan.LoanExtension;
import fr.manche.tna.loan.LoanLifecycle;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read queries of the loan pages: the loan requests of an organisation, or every one through the staff's filters,
 * newest first, each with what a page tells about it (its state in words, the next step, the extensions). Reads
 * only; every change goes through {@link LoanLifecycle} and {@code OwnUse}.
 */
@Component
class LoanViews {

  /** The most recent rows a list shows. */
  static final int LIMIT = 500;

  /** The staff's filters, already checked (null: not filtered). */
  public record Filters(LoanRequestStatus status, Long organisationId, String inventoryNumber, LocalDate from, LocalDate to) {}

  /** A request or loan as a page shows it. */
  public record Row(LoanRequest loan, String organisation, String state, String nextStep, boolean taskOpen,
      List<LoanExtension> extensions, String decidedBy, boolean cancellable, boolean extensible) {

    public long id() {
      return loan.id();
    }

    public String itemsNamed() {
      return loan.items().isEmpty() ? "matériel à choisir" : loan.itemsNamed();
    }

    public String periodWithDays() {
      return loan.period() + " (" + loan.daysLabel() + ")";
    }
  }

  private final JdbcClient jdbc;
  private final LoanRequestService requests;
  private final LoanLifecycle lifecycle;
  private final OrganisationRepository organisations;
  private final TaskService tasks;
  private final IdentityService identities;

  LoanViews(JdbcClient jdbc, LoanRequestService requests, LoanLifecycle lifecycle, OrganisationRepository organisations,
      TaskService tasks, IdentityService identities) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.lifecycle = lifecycle;
    this.organisations = organisations;
    this.tasks = tasks;
    this.identities = identities;
  }

  /**
   * The organisation's requests and loans, newest first; {@code taskOpen} when a task of the request waits for this
   * person (their groups, or assigned to them).
   */
  List<Row> ofOrganisation(long organisationId, String userId, List<String> groupIds) {
    List<Long> ids = jdbc.sql("select id from loan_request where organisation_id = ? order by created_at desc, id desc")
        .param(organisationId).query(Long.class).list();
    LocalDate today = ParisTime.today();
    List<Row> rows = new ArrayList<>();
    for (long id : ids.stream().limit(LIMIT).toList()) {
      LoanRequest loan = requests.find(id);
      boolean waiting = loan.processInstanceId() != null && tasks.createTaskQuery().processInstanceId(loan.processInstanceId())
          .or().taskAssignee(userId).taskCandidateGroupIn(groupIds.isEmpty() ? List.of("-") : groupIds).endOr()
          .count() > 0;
      rows.add(new Row(loan, null, state(loan, today), nextStep(loan, today, waiting), waiting,
          lifecycle.extensionsOf(id), null, loan.cancellable(today), loan.extensible(today)));
    }
    return rows;
  }

  /** Every request and loan the filters keep, newest first; {@code taskOpen} when its process has an open task. */
  List<Row> filtered(Filters filters) {
    StringBuilder sql = new StringBuilder("select r.id from loan_request r where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (filters.status() != null) {
      sql.append(" and r.status = ?");
      params.add(filters.status().name());
    }
    if (filters.organisationId() != null) {
      sql.append(" and r.organisation_id = ?");
      params.add(filters.organisationId());
    }
    if (filters.inventoryNumber() != null) {
      sql.append(" and exists (select 1 from loan_request_item i join equipment_item e on e.id = i.item_id"
          + " where i.loan_request_id = r.id and upper(e.inventory_number) = ?)");
      params.add(filters.inventoryNumber());
    }
    if (filters.to() != null) {
      sql.append(" and r.first_day <= ?");
      params.add(filters.to());
    }
    if (filters.from() != null) {
      sql.append(" and r.last_day >= ?");
      params.add(filters.from());
    }
    sql.append(" order by r.created_at desc, r.id desc");
    List<Long> ids = jdbc.sql(sql.toString()).params(params).query(Long.class).list().stream().limit(LIMIT).toList();
    List<LoanRequest> loans = ids.stream().map(requests::find).toList();
    String[] instances = loans.stream().map(LoanRequest::processInstanceId).filter(id -> id != null).toArray(String[]::new);
    Set<String> withTask = instances.length == 0 ? Set.of() : tasks.createTaskQuery().processInstanceIdIn(instances)
        .list().stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<Long, String> names = organisationNames();
    Map<String, String> people = new HashMap<>();
    LocalDate today = ParisTime.today();
    List<Row> rows = new ArrayList<>();
    for (LoanRequest loan : loans) {
      rows.add(new Row(loan, names.getOrDefault(loan.organisationId(), "—"), state(loan, today), null,
          withTask.contains(loan.processInstanceId()), lifecycle.extensionsOf(loan.id()),
          loan.decidedBy() == null ? null : people.computeIfAbsent(loan.decidedBy(), this::nameOf), false, false));
    }
    return rows;
  }

  /** The organisations, by name. */
  List<Organisation> organisations() {
    return organisations.findAll().stream()
        .sorted(java.util.Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList();
  }

  Map<Long, String> organisationNames() {
    return organisations.findAll().stream().collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
  }

  /** The state in words; an approved loan is « à venir », « en cours » or « en retard ». */
  static String state(LoanRequest loan, LocalDate today) {
    if (loan.status() == LoanRequestStatus.APPROUVEE) {
      if (today.isBefore(loan.firstDay())) {
        return "à venir";
      }
      return today.isAfter(loan.lastDay()) ? "en retard" : "en cours";
    }
    return loan.status().label();
  }

  /** What comes next, in words, for the member. */
  static String nextStep(LoanRequest loan, LocalDate today, boolean taskWaiting) {
    return switch (loan.status()) {
      case A_COMPLETER -> taskWaiting ? "Choisissez le matériel dans la liste des tâches"
          : "Le choix du matériel est en préparation : il apparaîtra dans quelques instants dans la liste des tâches";
      case EN_EXAMEN -> loan.longLoan() ? "En attente de la réponse du Département (prêt de plus de 30 jours)"
          : "En attente de la réponse des gestionnaires du matériel";
      case APPROUVEE -> today.isBefore(loan.firstDay())
          ? "Retrait à la Maison du Département le " + ParisTime.formatDate(loan.firstDay())
          : today.isAfter(loan.lastDay())
              ? "À rendre au plus vite : le prêt s'est terminé le " + ParisTime.formatDate(loan.lastDay())
              : "À rendre le " + ParisTime.formatDate(loan.lastDay()) + " au plus tard";
      case REFUSEE -> "Demande refusée : vous pouvez faire une nouvelle demande";
      case ANNULEE -> "Annulée : rien à faire";
      case RENDUE -> loan.returnedOn() == null ? "Matériel rendu"
          : "Matériel rendu le " + ParisTime.formatDate(loan.returnedOn());
    };
  }

  private String nameOf(String userId) {
    User user = identities.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }
}
