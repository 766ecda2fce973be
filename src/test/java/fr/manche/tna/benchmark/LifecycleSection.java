package fr.manche.tna.benchmark;

import fr.manche.tna.benchmark.BenchmarkReport.Target;
import fr.manche.tna.handover.Condition;
import fr.manche.tna.handover.HandoverDesk;
import fr.manche.tna.handover.HandoverKind;
import fr.manche.tna.handover.InspectionDraft;
import fr.manche.tna.handover.Inspections;
import fr.manche.tna.handover.Bookings;
import fr.manche.tna.handover.process.HandoverProcess;
import fr.manche.tna.handover.process.LoanReportProcess;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.loan.process.LoanRequestProcess;
import fr.manche.tna.platform.forms.FormOptions;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.HandoverFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.TestSirets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, item 1: complete loans driven through the engine as members and equipment managers make them (start form,
 * « Choisir le matériel », approval, pickup booking and inspection, return booking and inspection, loan report; the job
 * executor runs everything asynchronous), by several threads; then the same number of a bare process with the same
 * wait states and no business logic ({@link #bareModel}). For each: loans per second, median and 95th percentile of
 * each user step, and per loan PostgreSQL's writing transactions (transaction ids taken), commits and statements
 * ({@code pg_stat_statements}), against the transactions the models declare (one per user action, one per job).
 * Then the footprint of a completed loan (rows and bytes, runtime and history) and what history cleanup removes.
 */
class LifecycleSection implements Section {

  static final String BARE_KEY = "BenchmarkBareLoan";
  static final String EQUIPMENT_TYPE = "Casque de réalité virtuelle (banc d'essai)";
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final LocalDate FIRST_LOAN_DAY = LocalDate.of(2027, 1, 11);
  private static final int LOAN_DAYS = 40;

  /** The user steps of a loan, in order (the same names for the bare process). */
  static final List<String> STEPS = List.of("demande (formulaire de départ)", "choix du matériel", "approbation",
      "réservation du retrait", "état des lieux de retrait", "réservation du retour", "état des lieux de retour",
      "compte rendu du prêt");

  @Autowired ConventionFixtures conventions;
  @Autowired LoanFixtures loans;
  @Autowired FormService forms;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired AuthorizationService authorizations;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired HandoverDesk desk;
  @Autowired Inspections inspections;
  @Autowired Bookings bookings;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  private final List<String> members = new ArrayList<>();
  private final List<Item> items = new ArrayList<>();
  private final AtomicInteger bookingRetries = new AtomicInteger();

  /** What one variant cost: its step timings and the database's counts over its run. */
  record Run(String variant, int loans, double seconds, Map<String, Timings> steps, Timings perLoan,
      DatabaseStatistics.Snapshot statistics, long writingTransactions, long userTransactions, long jobs,
      long failedJobs, long mails, Map<String, Long> jobsByActivity, Map<String, Double> serviceTaskMillis) {

    double per(long count) {
      return count / (double) loans;
    }
  }

  @Override
  public String name() {
    return "lifecycle";
  }

  @Override
  public void run(Scale scale, BenchmarkReport report) throws Exception {
    Observer.createRole(dataSource);
    DatabaseStatistics statistics = new DatabaseStatistics(dataSource);
    int warmUp = scale.smoke() ? 1 : Math.max(2, scale.threads());
    setUp(Math.max(2, Math.min(scale.threads(), 10)), scale.loans() + warmUp);
    String bareDefinition = deployBareModel();

    // Warm-up (not measured): the JIT, the engine's caches, the connection pool.
    run("application (warm-up)", warmUp, 1, 0, this::applicationLoan, statistics);
    Loan bareLoan = (index, steps, observer, userTransactions) ->
        bareLoan(bareDefinition, index, steps, observer, userTransactions);
    run("bare process (warm-up)", warmUp, 1, scale.loans() + warmUp, bareLoan, statistics);

    Footprint footprint = new Footprint(jdbc);
    Map<Footprint.Family, Footprint.Count> before = footprint.measure();
    Map<String, Long> rowsBefore = footprint.rowsByTable();
    Date applicationStarted = ClockUtil.getCurrentTime();
    Run application = run("application", scale.loans(), scale.threads(), warmUp, this::applicationLoan, statistics);
    Date applicationEnded = ClockUtil.getCurrentTime();
    Map<Footprint.Family, Footprint.Count> after = footprint.measure();
    Map<String, Long> rowsLeft = new LinkedHashMap<>();
    footprint.rowsByTable().forEach((table, rows) -> {
      long added = rows - rowsBefore.getOrDefault(table, 0L);
      if (added != 0 && Footprint.familyOf(table) != Footprint.Family.HISTORY) {
        rowsLeft.put(table, added / scale.loans());
      }
    });
    report.note(name(), "rows a completed loan leaves outside the history, by table: " + rowsLeft);
    Run bare = run("bare process", scale.loans(), scale.threads(), scale.loans() + 2 * warmUp, bareLoan, statistics);
    record(report, application, bare);
    footprint(report, footprint, before, after, application.loans(), applicationStarted, applicationEnded);
    report.note(name(), scale.loans() + " loans per variant, " + scale.threads() + " threads, " + members.size()
        + " member organisations, one item per loan, first days over " + LOAN_DAYS + " working days from "
        + FIRST_LOAN_DAY + "; a booking refused because another thread took the slot's last place was tried again on"
        + " the next slot (" + bookingRetries.get() + " times)");
  }

  // ---------------------------------------------------------------- set-up

  private void setUp(int organisations, int loanCount) {
    // The fixtures run the jobs themselves and move the clock: the executor waits meanwhile.
    engine.getJobExecutor().shutdown();
    try {
      conventions.ensureStaff();
      for (int i = 0; i < organisations; i++) {
        ConventionFixtures.Signed signed = conventions.signed(TestSirets.next(), "Médiathèque du banc d'essai " + (i + 1),
            LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
        loans.insuredUntil(signed.convention().organisationId(), LocalDate.of(2030, 12, 31));
        members.add(signed.memberSignatoryUserId());
      }
      // Two loans per item: the warm-ups and both variants (the bare process reserves nothing but uses the numbers).
      for (int i = 0; i < loanCount; i++) {
        items.add(loans.item(EQUIPMENT_TYPE));
      }
    } finally {
      ClockUtil.reset();
      engine.getJobExecutor().start();
    }
  }

  // ---------------------------------------------------------------- the application's loan

  interface Loan {
    void drive(int index, Map<String, Timings> steps, Observer observer, AtomicLong userTransactions) throws Exception;
  }

  private void applicationLoan(int index, Map<String, Timings> steps, Observer observer, AtomicLong userTransactions)
      throws Exception {
    String member = members.get(index % members.size());
    LocalDate firstDay = workingDay(index % LOAN_DAYS);
    LocalDate lastDay = workingDay(index % LOAN_DAYS + 1);
    Item item = items.get(index % items.size());

    Map<String, String> start = new HashMap<>();
    start.put("activities", "Ateliers de découverte de la réalité virtuelle pour les collégiens");
    start.put("expectedAudience", "3 classes de 4e, environ 75 élèves");
    start.put("firstDay", firstDay.format(TYPED));
    start.put("lastDay", lastDay.format(TYPED));
    start.put("longerNeedReason", "");
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(LoanRequestProcess.KEY)
        .latestVersion().singleResult().getId();
    ProcessInstance[] started = new ProcessInstance[1];
    as(member, () -> steps.get(STEPS.get(0)).time(() -> {
      traced("start", () -> started[0] = forms.submitStartForm(definitionId, Map.copyOf(start)));
      return started[0];
    }));
    ProcessInstance loan = started[0];
    userTransactions.addAndGet(1);
    String root = loan.getId();

    submit(member, observer.awaitTask(root, null, LoanRequestProcess.CHOOSE_TASK), steps.get(STEPS.get(1)),
        Map.of("memberChoice", "materiel", "chosenItems", LoanFixtures.checklist(List.of(String.valueOf(item.id())))));
    userTransactions.addAndGet(2);
    submit(ConventionFixtures.EQUIPMENT_MANAGER, observer.awaitTask(root, null, LoanRequestProcess.APPROVE_TASK),
        steps.get(STEPS.get(2)), Map.of("loanDecision", "approuver", "loanDecisionReason", ""));
    userTransactions.addAndGet(2);
    long loanId = observer.number("select id from loan_request where process_instance_id = ?", root);

    for (HandoverKind kind : List.of(HandoverKind.RETRAIT, HandoverKind.RETOUR)) {
      boolean pickup = kind == HandoverKind.RETRAIT;
      book(member, observer.awaitTask(root, null, HandoverProcess.BOOK_TASK), index,
          steps.get(STEPS.get(pickup ? 3 : 5)));
      userTransactions.addAndGet(2);
      observer.awaitTask(root, null, HandoverProcess.HANDOVER_TASK);
      steps.get(STEPS.get(pickup ? 4 : 6)).time(() -> traced("inspection " + kind, () -> inspect(loanId, kind)));
      userTransactions.addAndGet(1);
    }

    submit(member, observer.awaitTask(root, "compte-rendu-" + loanId, LoanReportProcess.FILE_TASK),
        steps.get(STEPS.get(7)), HandoverFixtures.loanReport());
    userTransactions.addAndGet(2);
    observer.awaitEnd(root);
  }

  /** The member opens « Réserver un créneau », takes it and books one of the slots offered (another if it is full). */
  private void book(String member, String taskId, int index, Timings timings) {
    for (int attempt = 0; ; attempt++) {
      List<String> offered = FormOptions.values(tasks.getVariableLocalTyped(taskId, HandoverProcess.FREE_SLOT_OPTIONS,
          false)).orElseThrow();
      String slot = offered.get((index / LOAN_DAYS + attempt) % offered.size());
      try {
        submit(member, taskId, timings, Map.of("handoverSlot", slot));
        return;
      } catch (RuntimeException refused) {
        if (attempt >= 10) {
          throw refused;
        }
        bookingRetries.incrementAndGet();
        tasks.setAssignee(taskId, null);
      }
    }
  }

  /** The equipment manager's inspection at the desk: every item « Bon état » with its kit, acknowledged on the spot. */
  private Object inspect(long loanId, HandoverKind kind) {
    long bookingId = bookings.held(loanId, kind).orElseThrow().id();
    Map<Long, String> conditions = new HashMap<>();
    Map<Long, List<String>> present = new HashMap<>();
    for (Inspections.ToInspect each : inspections.toInspect(bookingId)) {
      conditions.put(each.item().id(), Condition.BON.name());
      present.put(each.item().id(), each.item().accessories());
    }
    return desk.recordInspection(bookingId, new InspectionDraft(conditions, present, Map.of(), "Julie Hamel", true, ""),
        ConventionFixtures.EQUIPMENT_MANAGER);
  }

  // ---------------------------------------------------------------- the bare process

  /**
   * The loan's wait states without its business: the same user tasks for the same groups, and an asynchronous
   * continuation wherever the application's models declare one on the happy path (acknowledgement, reviewers told,
   * approval told, each booking confirmed, each inspection report sent, the loan report asked), nothing else: no form,
   * no delegate, no listener, no variable but the initiator the engine sets.
   */
  static BpmnModelInstance bareModel() {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE_KEY).name("Banc d'essai : prêt sans métier")
        .camundaHistoryTimeToLive(3650).startEvent("StartEvent_Requested").camundaInitiator("initiator");
    flow = saved(flow, "Acknowledged");
    flow = member(flow, "Choose");
    flow = saved(flow, "ReviewersTold");
    flow = staff(flow, "Approve");
    flow = saved(flow, "ApprovalTold");
    for (String kind : List.of("Pickup", "Return")) {
      flow = member(flow, "Book" + kind);
      flow = saved(flow, kind + "Booked");
      flow = staff(flow, "Handover" + kind);
      flow = saved(flow, kind + "ReportSent");
    }
    flow = saved(flow, "ReportAsked");
    flow = member(flow, "FileReport");
    return flow.endEvent("EndEvent_Closed").done();
  }

  private static AbstractFlowNodeBuilder<?, ?> saved(AbstractFlowNodeBuilder<?, ?> flow, String name) {
    return flow.intermediateThrowEvent("IntermediateEvent_" + name).camundaAsyncBefore();
  }

  private static AbstractFlowNodeBuilder<?, ?> member(AbstractFlowNodeBuilder<?, ?> flow, String name) {
    // The member who asked (the application's member tasks go to the member's group: one grant per task either way).
    return flow.userTask("UserTask_" + name).camundaCandidateUsers("${initiator}");
  }

  private static AbstractFlowNodeBuilder<?, ?> staff(AbstractFlowNodeBuilder<?, ?> flow, String name) {
    return flow.userTask("UserTask_" + name).camundaCandidateGroups("tna-gestionnaires-materiel");
  }

  private String deployBareModel() {
    String definitionId = repository.createDeployment().name("benchmark").addModelInstance(BARE_KEY + ".bpmn", bareModel())
        .deployWithResult().getDeployedProcessDefinitions().get(0).getId();
    Authorization start = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    start.setGroupId("tna-membres");
    start.setResource(Resources.PROCESS_DEFINITION);
    start.setResourceId(BARE_KEY);
    start.addPermission(Permissions.READ);
    start.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(start);
    return definitionId;
  }

  private void bareLoan(String definitionId, int index, Map<String, Timings> steps, Observer observer,
      AtomicLong userTransactions) throws Exception {
    String member = members.get(index % members.size());
    ProcessInstance loan = as(member, () -> steps.get(STEPS.get(0)).time(() ->
        forms.submitStartForm(definitionId, Map.of())));
    userTransactions.addAndGet(1);
    String root = loan.getId();
    List<String> taskKeys = List.of("Choose", "Approve", "BookPickup", "HandoverPickup", "BookReturn", "HandoverReturn",
        "FileReport");
    for (int step = 0; step < taskKeys.size(); step++) {
      String key = taskKeys.get(step);
      String user = key.startsWith("Approve") || key.startsWith("Handover") ? ConventionFixtures.EQUIPMENT_MANAGER : member;
      submit(user, observer.awaitTask(root, null, "UserTask_" + key), steps.get(STEPS.get(step + 1)), Map.of());
      userTransactions.addAndGet(2);
    }
    observer.awaitEnd(root);
  }

  // ---------------------------------------------------------------- running and counting

  private Run run(String variant, int count, int threads, int firstIndex, Loan loan, DatabaseStatistics statistics)
      throws Exception {
    Map<String, Timings> steps = new LinkedHashMap<>();
    STEPS.forEach(step -> steps.put(step, new Timings()));
    Timings perLoan = new Timings();
    AtomicLong userTransactions = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    DatabaseStatistics.Snapshot before;
    long transactionsBefore;
    long jobsBefore;
    long failuresBefore;
    long mailsBefore;
    Map<String, Long> jobsByActivityBefore;
    try (Observer observer = Observer.open()) {
      observer.awaitNoDueJob();
      statistics.reset();
      before = statistics.snapshot();
      transactionsBefore = observer.nextTransactionId();
      jobsBefore = succeededJobs();
      failuresBefore = failedJobs();
      mailsBefore = mailsRecorded();
      jobsByActivityBefore = succeededJobsByActivity();
    }
    long started = System.nanoTime();
    java.sql.Timestamp startedAt = new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> drivers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        drivers.add(pool.submit(() -> {
          try (Observer observer = Observer.open()) {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
              int index = firstIndex + i;
              perLoan.time(() -> {
                try {
                  loan.drive(index, steps, observer, userTransactions);
                } catch (Exception e) {
                  throw new IllegalStateException(variant + ", loan " + index + ": " + e.getMessage(), e);
                }
              });
            }
          }
          return null;
        }));
      }
      for (Future<?> driver : drivers) {
        driver.get();
      }
    } finally {
      pool.shutdown();
    }
    try (Observer observer = Observer.open()) {
      observer.awaitNoDueJob();
      double seconds = (System.nanoTime() - started) / 1e9;
      DatabaseStatistics.Snapshot spent = statistics.snapshot().minus(before);
      long writing = observer.nextTransactionId() - transactionsBefore;
      Map<String, Long> byActivity = new LinkedHashMap<>();
      succeededJobsByActivity().forEach((activity, jobs) -> {
        long during = jobs - jobsByActivityBefore.getOrDefault(activity, 0L);
        if (during > 0) {
          byActivity.put(activity, during);
        }
      });
      if (System.getProperty("benchmark.statements") != null) {
        System.out.println(variant + ": statements most called, per loan:");
        statistics.mostCalled(Integer.getInteger("benchmark.statements"), count).forEach(System.out::println);
        System.out.println(variant + ": variables by name, all loans so far:");
        jdbc.sql("select name_, count(*) from act_hi_varinst group by name_ order by 2 desc").query((row, n) ->
            row.getString(1) + " " + row.getLong(2)).list().forEach(System.out::println);
      }
      // Where the executor's time went: the application's service tasks (mails, PDFs), by activity, per loan.
      Map<String, Double> serviceTasks = new LinkedHashMap<>();
      jdbc.sql("select act_id_, sum(duration_) from act_hi_actinst where act_type_ = 'serviceTask' and start_time_ >= ?"
              + " group by act_id_ order by 2 desc").param(startedAt)
          .query((row, n) -> Map.entry(row.getString(1), row.getLong(2) / (double) count)).list()
          .forEach(entry -> serviceTasks.put(entry.getKey(), Math.round(entry.getValue() * 10) / 10.0));
      return new Run(variant, count, seconds, steps, perLoan, spent, writing, userTransactions.get(),
          succeededJobs() - jobsBefore, failedJobs() - failuresBefore, mailsRecorded() - mailsBefore, byActivity,
          serviceTasks);
    }
  }

  private long succeededJobs() {
    // JOB_STATE_ 2: the job ran and its transaction committed.
    return jdbc.sql("select count(*) from act_hi_job_log where job_state_ = 2").query(Long.class).single();
  }

  /**
   * Mails sent and recorded: each record is written in a transaction of its own once the SMTP server has accepted
   * the mail ({@code NotificationService}), so that a job failing afterwards never sends it twice: a declared save
   * point.
   */
  private long mailsRecorded() {
    return jdbc.sql("select count(*) from notification_delivery").query(Long.class).single();
  }

  /** Job executions that failed (JOB_STATE_ 1), each retried by the executor: none is expected. */
  private long failedJobs() {
    return jdbc.sql("select count(*) from act_hi_job_log where job_state_ = 1").query(Long.class).single();
  }

  private Map<String, Long> succeededJobsByActivity() {
    Map<String, Long> jobs = new LinkedHashMap<>();
    jdbc.sql("select act_id_, count(*) from act_hi_job_log where job_state_ = 2 group by act_id_ order by act_id_")
        .query((row, n) -> Map.entry(String.valueOf(row.getString(1)), row.getLong(2))).list()
        .forEach(entry -> jobs.put(entry.getKey(), entry.getValue()));
    return jobs;
  }

  private void record(BenchmarkReport report, Run application, Run bare) {
    for (Run run : List.of(application, bare)) {
      String variant = run.variant();
      report.figure(name(), "loans per second (" + run.loans() + " loans)", variant, run.loans() / run.seconds(), "loans/s");
      report.figure(name(), "time per loan, median (users' calls and the executor's steps)", variant,
          run.perLoan().median(), "ms");
      for (Map.Entry<String, Timings> step : run.steps().entrySet()) {
        report.figure(name(), "step « " + step.getKey() + " », median", variant, step.getValue().median(), "ms");
        report.figure(name(), "step « " + step.getKey() + " », p95", variant, step.getValue().percentile(95), "ms");
      }
      long declared = run.userTransactions() + run.jobs() + run.mails();
      report.figure(name(), "declared transactions per loan (user actions + jobs + mails recorded)", variant,
          run.per(declared), "tx");
      report.figure(name(), "  of which user actions (start, claim, submit, inspection)", variant,
          run.per(run.userTransactions()), "tx");
      report.figure(name(), "  of which jobs (asynchronous continuations run)", variant, run.per(run.jobs()), "tx");
      report.figure(name(), "  of which mails recorded as sent (own transaction)", variant, run.per(run.mails()), "tx");
      report.figure(name(), "writing transactions per loan (PostgreSQL transaction ids)", variant,
          run.per(run.writingTransactions()), "tx");
      report.figure(name(), "transactions per loan, reads included (pg_stat_statements)", variant,
          run.per(run.statistics().transactions()), "tx");
      report.figure(name(), "  of which the executor's acquisition cycles", variant,
          run.per(run.statistics().acquisitions()), "tx");
      report.figure(name(), "statements per loan (pg_stat_statements)", variant, run.per(run.statistics().statements()),
          "stmt");
      report.figure(name(), "failed job executions (retried)", variant, run.failedJobs(), "jobs");
      if (run.failedJobs() > 0) {
        report.note(name(), variant + ": job failures: " + jdbc.sql("select act_id_ || ': ' || job_exception_msg_ from"
            + " act_hi_job_log where job_state_ = 1 group by act_id_, job_exception_msg_").query(String.class).list());
      }
      report.note(name(), variant + ": jobs run by activity: " + run.jobsByActivity());
      if (!run.serviceTaskMillis().isEmpty()) {
        report.note(name(), variant + ": time in service tasks per loan, ms (mails rendered and sent, PDFs): "
            + run.serviceTaskMillis());
        report.figure(name(), "time in service tasks (mails, PDFs), per loan", variant,
            run.serviceTaskMillis().values().stream().mapToDouble(Double::doubleValue).sum(), "ms");
      }
    }
    report.target(name(), "time per loan, application / bare process (medians)", "ratio",
        application.perLoan().median() / bare.perLoan().median(), "×", Target.atMost(1.3, "≤ 1.3"));
    report.target(name(), "loans per second, bare process / application", "ratio",
        (bare.loans() / bare.seconds()) / (application.loans() / application.seconds()), "×", Target.atMost(1.3, "≤ 1.3"));
    // Beyond the declared ones, the executor locks the jobs it acquires in a transaction of its own: at most one per
    // job (fewer when one acquisition locks several). Nothing else may write.
    for (Run run : List.of(application, bare)) {
      double beyond = run.per(run.writingTransactions() - run.userTransactions() - run.jobs() - run.mails());
      report.target(name(), "writing transactions beyond the declared ones, per loan", run.variant(), beyond, "tx",
          Target.atMost(run.per(run.jobs()), "≤ jobs (their locks)"));
    }
  }

  // ---------------------------------------------------------------- footprint and history cleanup

  /**
   * Issue 13, item 5, second half: rows and bytes a completed loan leaves, by family of tables, and what history
   * cleanup removes of the loans' history once their time to live (10 years, {@code P3650D}) has passed: the clock
   * is moved past it, the cleanup job run by hand until it removes nothing more, and the clock set back.
   */
  private void footprint(BenchmarkReport report, Footprint footprint, Map<Footprint.Family, Footprint.Count> before,
      Map<Footprint.Family, Footprint.Count> after, int loanCount, Date from, Date to) throws Exception {
    for (Footprint.Family family : Footprint.Family.values()) {
      Footprint.Count added = after.get(family).minus(before.get(family));
      String variant = family.name().toLowerCase();
      report.figure(name(), "rows per completed loan", variant, added.rows() / (double) loanCount, "rows");
      report.figure(name(), "bytes per completed loan (tables, indexes, TOAST)", variant,
          added.bytes() / (double) loanCount / 1024, "kB");
    }
    String roots = "select distinct root_proc_inst_id_ from act_hi_procinst where start_time_ >= '"
        + new java.sql.Timestamp(from.getTime()) + "' and start_time_ <= '" + new java.sql.Timestamp(to.getTime()) + "'";
    long historyBefore = footprint.historyRowsOf(roots);
    engine.getJobExecutor().shutdown();
    long started = System.nanoTime();
    int runs = 0;
    try {
      ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(3651))));
      String jobId = history.cleanUpHistoryAsync(true).getId();
      long left = historyBefore;
      for (long previous = -1; left != previous && runs < 1000; runs++) {
        previous = left;
        management.executeJob(jobId);
        left = footprint.historyRowsOf(roots);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      report.figure(name(), "history rows of the loans' processes, per loan, before cleanup", "application",
          historyBefore / (double) loanCount, "rows");
      report.figure(name(), "history rows of the loans' processes, per loan, after cleanup", "application",
          left / (double) loanCount, "rows");
      report.figure(name(), "history cleanup: time to remove them (" + runs + " runs of its job)", "application",
          seconds, "s");
    } finally {
      ClockUtil.reset();
      engine.getJobExecutor().start();
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Claims the task and submits its form as the user, timed as one step (what Tasklist does on « Valider »). */
  private void submit(String userId, String taskId, Timings timings, Map<String, ?> values) {
    as(userId, () -> timings.time(() -> {
      traced("claim " + taskId, () -> tasks.claim(taskId, userId));
      traced("submit " + taskId, () -> forms.submitTaskForm(taskId, Map.copyOf(values)));
      return null;
    }));
  }

  private final ThreadLocal<Long> lastTraced = new ThreadLocal<>();

  /** With -Dbenchmark.trace, prints the transaction ids each user call took (to find where writes come from). */
  private void traced(String what, Runnable call) {
    if (!Boolean.getBoolean("benchmark.trace")) {
      call.run();
      return;
    }
    try (Observer observer = Observer.open()) {
      long before = observer.nextTransactionId();
      if (lastTraced.get() != null) {
        System.out.println("TRACE   (asynchronous steps before it: " + (before - lastTraced.get()) + " transaction ids)");
      }
      call.run();
      long after = observer.nextTransactionId();
      lastTraced.set(after);
      System.out.println("TRACE " + what + ": " + (after - before) + " transaction ids");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T as(String userId, java.util.function.Supplier<T> work) {
    conventions.asUser(userId);
    try {
      return work.get();
    } finally {
      conventions.clearUser();
    }
  }

  /** The n-th working day (Monday to Friday) from the first loan day. */
  static LocalDate workingDay(int n) {
    LocalDate day = FIRST_LOAN_DAY;
    for (int i = 0; i < n; ) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        i++;
      }
    }
    return day;
  }
}
