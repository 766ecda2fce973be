package fr.manche.tna.benchmark;

import fr.manche.tna.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Reads the engine's tables behind its back, under a role of its own ({@code benchmark_observer}), so that what the
 * benchmark reads to find the next task never counts as the application's work in {@link DatabaseStatistics}
 * (which counts the role {@code postgres} only). One connection per thread, autocommit: no transaction id is taken.
 */
final class Observer implements AutoCloseable {

  static final String ROLE = "benchmark_observer";
  private static final String PASSWORD = "observer";
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private final Connection connection;

  private Observer(Connection connection) {
    this.connection = connection;
  }

  /** Creates the role once (reading every table), with the application's data source. */
  static void createRole(DataSource application) throws SQLException {
    try (Connection connection = application.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + ROLE + "') then "
          + "create role " + ROLE + " login password '" + PASSWORD + "'; end if; end $$");
      statement.execute("grant pg_read_all_data to " + ROLE);
    }
  }

  static Observer open() throws SQLException {
    String url = TestDatabase.jdbcUrl();
    int parameters = url.indexOf('?');
    Properties login = new Properties();
    login.setProperty("user", ROLE);
    login.setProperty("password", PASSWORD);
    return new Observer(DriverManager.getConnection(parameters < 0 ? url : url.substring(0, parameters), login));
  }

  /**
   * The open task of that definition key in the process instance, in a process it called, or in a process whose
   * business key is given; waits until it is there and no job of the instance is due any more: people act once the
   * mail telling them to has gone (acting while a job of a parallel branch is being run makes one of the two
   * transactions fail on the engine's optimistic locking: a user faster than any human would).
   */
  String awaitTask(String rootInstanceId, String businessKey, String taskKey) throws Exception {
    String sql = """
        select t.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
        where t.task_def_key_ = ? and (e.root_proc_inst_id_ = ? or e.business_key_ = ?)
        """;
    String dueJobs = """
        select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
        where e.root_proc_inst_id_ = ? and j.retries_ > 0 and (j.duedate_ is null or j.duedate_ <= now())
        """;
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> task = single(sql, taskKey, rootInstanceId, businessKey == null ? "" : businessKey);
      if (task.isPresent() && number(dueJobs, rootInstanceId) == 0) {
        return task.get();
      }
      Thread.sleep(5);
    }
    throw new AssertionError("No task " + taskKey + " for " + rootInstanceId + " after " + PATIENCE);
  }

  /** Waits until the process instance has ended. */
  void awaitEnd(String processInstanceId) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (single("select id_ from act_ru_execution where proc_inst_id_ = ? limit 1", processInstanceId).isEmpty()) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("The process instance " + processInstanceId + " has not ended after " + PATIENCE);
  }

  /** Waits until no job is due (the asynchronous steps left by the users' last actions have run). */
  void awaitNoDueJob() throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (number("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())"
          + " and suspension_state_ = 1") == 0) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("Jobs are still due after " + PATIENCE);
  }

  long number(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters); ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  Optional<String> single(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters); ResultSet row = statement.executeQuery()) {
      return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
    }
  }

  /** The next transaction id PostgreSQL will give: the difference between two readings counts the writing transactions. */
  long nextTransactionId() throws SQLException {
    return number("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
  }

  private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
