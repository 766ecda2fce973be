package fr.manche.tna.benchmark;

import fr.manche.tna.handover.process.LoanReportProcess;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.test.TestDatabase;
import fr.manche.tna.test.TestMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Timer storm (issue 13, item 4): {@code scale.timers()} loan reports whose reminder (the non-interrupting timer
 * « Sept jours après le retour, à 9 h » of {@code bpmn/handover/LoanReport.bpmn}) is due at the same moment; each
 * fires, then its asynchronous « Rappeler le compte rendu » runs the real delegate ({@code remindLoanReport}), which
 * renders the real mail and hands it to the real SMTP server. Measured: the time from the due moment until no job of
 * those instances is left, and how many reminders fired more than once (by the mails received per loan, by the
 * engine's history); first on this JVM's job executor alone, then with a second application node
 * ({@link ApplicationNode}) on the same database, both executors polling.
 *
 * <p>Set-up, not measured: one organisation and one returned loan per reminder (rows written directly), then the
 * instances started at the task « Rédiger le compte rendu du prêt » (the start listener runs: the member's group may
 * read them) with their reminder a day away; when all are there, their timers' due date is set, in one update, to a
 * real moment a few seconds ahead (both JVMs read the wall clock: ClockUtil would only move this one's).
 */
class TimerStormSection implements Section {

  static final double TARGET_SECONDS = 120;
  private static final Pattern LOAN_NUMBER = Pattern.compile("prêt n° (\\d+)");

  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired CamundaBpmProperties camunda;
  @Autowired Directory directory;
  @Autowired javax.sql.DataSource dataSource;

  @Override
  public String name() {
    return "timers";
  }

  @Override
  public void run(Scale scale, BenchmarkReport report) throws Exception {
    ClockUtil.reset();
    TestMailServer.ensureUp();
    report.note(name(), "job executor (application.yaml, both nodes): " + settings(camunda.getJobExecution()));

    storm("one node", scale, report, null);
    if (scale.smoke() && !Boolean.getBoolean("benchmark.timers.two-nodes")) {
      // Every build's smoke run stays within a minute for its start-up and timer sections: a second node costs
      // 30 to 50 s to start on 2 shared cores, and ApplicationNode is run by the startup section already.
      report.note(name(), "smoke run: one node only (-Dbenchmark.timers.two-nodes=true adds the second)");
      return;
    }

    Path work = Files.createTempDirectory("tna-timers-node");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", TestDatabase.jdbcUrl());
    properties.put("spring.datasource.username", TestDatabase.username());
    properties.put("spring.datasource.password", TestDatabase.password());
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", String.valueOf(TestMailServer.port()));
    // Written in the history's job log (HOSTNAME_): which node ran which job.
    properties.put("camunda.bpm.generic-properties.properties.hostname", "noeud-2");
    try (ApplicationNode second = ApplicationNode.start("timers-node-2", List.of("test", "benchmark"), properties, work)) {
      report.note(name(), "second node ready in " + second.toReady().toSeconds() + " s (log " + second.log() + ")");
      storm("two nodes", scale, report, "noeud-2");
      second.assertAlive();
    } finally {
      FileSystemUtils.deleteRecursively(work);
    }
  }

  private void storm(String variant, Scale scale, BenchmarkReport report, String secondHost) throws Exception {
    int count = scale.timers();
    String run = "tempete-" + System.currentTimeMillis();
    String email = run + "@benchmark.example.fr";
    long setUpStarted = System.nanoTime();
    List<Long> loans = loans(run, email, count);
    long organisationId = jdbc.sql("select organisation_id from loan_request where id = ?").param(loans.get(0))
        .query(Long.class).single();
    String memberGroupId = "membre-" + organisationId;
    Date placeholder = Date.from(Instant.now().plus(Duration.ofDays(1)));

    java.util.function.LongConsumer start = loan -> {
      Map<String, Object> variables = new HashMap<>();
      variables.put(LoanReportProcess.LOAN_REQUEST_ID.name(), loan);
      variables.put("organisationId", organisationId);
      variables.put("memberGroupId", memberGroupId);
      variables.put(LoanReportProcess.REMINDER_AT.name(), placeholder);
      runtime.createProcessInstanceByKey(LoanReportProcess.KEY).businessKey(run).setVariables(variables)
          .startBeforeActivity(LoanReportProcess.FILE_TASK).execute();
    };
    // The first alone: it may create the members' grant on the process definition (InstanceGrants), which
    // concurrent first starts would each try to insert.
    start.accept(loans.get(0));
    ExecutorService starters = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (List<Long> slice : slices(loans.subList(1, loans.size()), 4)) {
        started.add(starters.submit(() -> slice.forEach(start::accept)));
      }
      for (Future<?> each : started) {
        each.get();
      }
    } finally {
      starters.shutdownNow();
    }
    report.note(name(), variant + ": " + count + " instances set up in "
        + Duration.ofNanos(System.nanoTime() - setUpStarted).toSeconds() + " s");

    // All due at one real moment, a few seconds ahead: the executors are idle then, as at 9:00 on a real day.
    Instant due = Instant.now().plusSeconds(3);
    int timers = jdbc.sql("""
            update act_ru_job set duedate_ = ?
             where handler_type_ = 'timer-transition' and process_instance_id_ in
                   (select id_ from act_ru_execution where business_key_ = ? and parent_id_ is null)
            """).param(Timestamp.from(due)).param(run).update();
    if (timers != count) {
      throw new IllegalStateException(count + " instances but " + timers + " reminder timers");
    }

    DatabaseStatistics statistics = new DatabaseStatistics(dataSource);
    DatabaseStatistics.Snapshot before = statistics.snapshot();
    Duration patience = Duration.ofSeconds(Math.max(120, count / 10));
    long remaining = pending(run);
    while (remaining > 0 && Instant.now().isBefore(due.plus(patience))) {
      Thread.sleep(200);
      remaining = pending(run);
    }
    double drained = Duration.between(due, Instant.now()).toMillis() / 1000.0;
    if (remaining > 0) {
      report.note(name(), variant + ": " + remaining + " jobs still there after " + patience.toSeconds()
          + " s (failed: " + failedJobs(run) + "); the drain time below is that limit");
    }
    report.target(name(), "storm drained (due moment to last job done)", variant + ", " + count, drained, "s",
        BenchmarkReport.Target.atMost(TARGET_SECONDS, "drained under 2 min"));
    report.figure(name(), "reminders per second", variant + ", " + count, count / drained, "/s");
    // pg_stat_statements counts every role-postgres statement of the database: both nodes', and this section's polls.
    DatabaseStatistics.Snapshot storm = statistics.snapshot().minus(before);
    report.figure(name(), "database statements per reminder", variant, (double) storm.statements() / count, "");
    report.figure(name(), "job acquisition queries", variant, storm.acquisitions(), "");

    // Mails: one per loan (its number is in the subject), none twice.
    Map<String, Long> mailsPerLoan = TestMailServer.inbox(email).stream().map(TimerStormSection::loanNumber)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    long mailed = mailsPerLoan.size();
    long mailedTwice = mailsPerLoan.values().stream().filter(mails -> mails > 1).count();
    // The engine's history: the timer's and the reminder task's successful runs per instance.
    long firedTwice = jdbc.sql("""
            select count(*) from (select l.process_instance_id_ from act_hi_job_log l
              join act_hi_procinst p on p.id_ = l.process_instance_id_
             where p.business_key_ = ? and l.job_state_ = 2
               and l.act_id_ in ('BoundaryEvent_Reminder', 'ServiceTask_RemindReport')
             group by l.process_instance_id_, l.act_id_ having count(*) > 1) twice
            """).param(run).query(Long.class).single();
    long reminded = jdbc.sql("""
            select count(distinct a.proc_inst_id_) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_
             where p.business_key_ = ? and a.act_id_ = 'EndEvent_Reminded'
            """).param(run).query(Long.class).single();
    long failures = jdbc.sql("""
            select count(*) from act_hi_job_log l join act_hi_procinst p on p.id_ = l.process_instance_id_
             where p.business_key_ = ? and l.job_state_ = 1
            """).param(run).query(Long.class).single();
    report.figure(name(), "reminders fired (mail received)", variant, mailed, "of " + count);
    report.target(name(), "reminders fired more than once (mails)", variant, mailedTwice, "",
        BenchmarkReport.Target.atMost(0, "none twice"));
    report.target(name(), "reminders fired more than once (job log)", variant, firedTwice, "",
        BenchmarkReport.Target.atMost(0, "none twice"));
    report.figure(name(), "failed job runs (retried)", variant, failures, "");
    if (mailed != count || reminded != count) {
      report.note(name(), variant + ": " + mailed + " loans mailed, " + reminded + " instances past « Rappel envoyé », of "
          + count);
    }
    if (secondHost != null) {
      Map<String, Long> perHost = new LinkedHashMap<>();
      jdbc.sql("""
              select l.hostname_, count(*) from act_hi_job_log l join act_hi_procinst p on p.id_ = l.process_instance_id_
               where p.business_key_ = ? and l.job_state_ = 2 group by l.hostname_ order by l.hostname_
              """).param(run).query((rs, row) -> perHost.put(rs.getString(1), rs.getLong(2))).list();
      String own = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHostname();
      report.note(name(), variant + ": jobs run per node: " + perHost.entrySet().stream()
          .map(entry -> (entry.getKey().equals(secondHost) ? "second node" : "benchmark's node (" + own + ")") + " "
              + entry.getValue())
          .collect(Collectors.joining(", ")));
    }
  }

  /** One organisation, its contact the recipient of every reminder, and {@code count} returned loans. */
  private List<Long> loans(String run, String email, int count) {
    long organisationId = jdbc.sql("""
            insert into organisation (name, legal_form, siret, address, contact_name, contact_email, created_at, status)
            values (?, 'ASSOCIATION', ?, '1 rue de la Tempête, 50000 Saint-Lô', 'Camille Tempête', ?, ?, 'MEMBER')
            returning id
            """).param("Tempête de rappels " + run).param(String.format(Locale.ROOT, "%014d", System.nanoTime() % 100_000_000_000_000L))
        .param(email).param(OffsetDateTime.now()).query(Long.class).single();
    // Its group and tenant, as its first account would make them (OrganisationTenantsSetup checks them at start-up).
    String groupId = "membre-" + organisationId;
    directory.ensureGroup(groupId, "Tempête de rappels " + run, "MEMBER");
    directory.ensureTenant(groupId, "Tempête de rappels " + run);
    jdbc.sql("update organisation set member_group_id = ? where id = ?").param(groupId).param(organisationId).update();
    LocalDate returned = LocalDate.now().minusDays(7);
    jdbc.sql("""
            insert into loan_request (organisation_id, requested_by, activities, expected_audience, first_day, last_day,
                                      status, returned_on, created_at)
            select ?, 'tempete.inconnue', ?, 'Tout public', ?, ?, 'RENDUE', ?, ? from generate_series(1, ?)
            """).param(organisationId).param(run).param(returned.minusDays(5)).param(returned).param(returned)
        .param(OffsetDateTime.now()).param(count).update();
    return jdbc.sql("select id from loan_request where activities = ? order by id").param(run).query(Long.class).list();
  }

  /** Jobs of the run's instances still there (timers not fired, reminders not sent, failed ones waiting). */
  private long pending(String run) {
    return jdbc.sql("""
            select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
             where e.business_key_ = ? and e.parent_id_ is null
            """).param(run).query(Long.class).single();
  }

  private long failedJobs(String run) {
    return jdbc.sql("""
            select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
             where e.business_key_ = ? and e.parent_id_ is null and j.exception_msg_ is not null
            """).param(run).query(Long.class).single();
  }

  private static String loanNumber(MimeMessage mail) {
    try {
      Matcher matcher = LOAN_NUMBER.matcher(mail.getSubject());
      return matcher.find() ? matcher.group(1) : mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> List<List<T>> slices(List<T> all, int parts) {
    List<List<T>> slices = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      slices.add(new ArrayList<>());
    }
    for (int i = 0; i < all.size(); i++) {
      slices.get(i % parts).add(all.get(i));
    }
    return slices;
  }

  static String settings(JobExecutionProperty job) {
    return "core-pool-size " + job.getCorePoolSize() + ", max-pool-size " + job.getMaxPoolSize() + ", queue-capacity "
        + job.getQueueCapacity() + ", max-jobs-per-acquisition " + job.getMaxJobsPerAcquisition()
        + ", wait-time-in-millis " + job.getWaitTimeInMillis() + ", max-wait " + job.getMaxWait()
        + ", backoff-time-in-millis " + job.getBackoffTimeInMillis() + ", max-backoff " + job.getMaxBackoff()
        + ", lock-time-in-millis " + job.getLockTimeInMillis() + " (null: the engine's default)";
  }
}
