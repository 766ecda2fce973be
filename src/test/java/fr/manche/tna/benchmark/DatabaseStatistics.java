package fr.manche.tna.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * PostgreSQL's own count of what the application asked of it ({@code pg_stat_statements}, preloaded by
 * {@code fr.manche.tna.test.TestDatabase} when {@code tna.test.statement-statistics} is true): transactions
 * ({@code BEGIN} calls: the JDBC driver's {@code COMMIT} is not counted by the extension, its {@code BEGIN} is),
 * statements (every other call), and the job executor's acquisition
 * cycles (its {@code select} of the due jobs), counted apart because an idle executor polls whatever the load.
 * Only the application's role ({@code postgres}) counts: a benchmark reading behind the engine's back uses another
 * role (see {@link #observerUrl}). Unlike {@code pg_stat_database}, which each server process reports up to 10 s late,
 * {@code pg_stat_statements} is up to date when a statement ends.
 */
final class DatabaseStatistics {

  /** Figures at one moment; {@link #minus} gives what happened between two. */
  record Snapshot(long transactions, long statements, long acquisitions) {

    Snapshot minus(Snapshot before) {
      return new Snapshot(transactions - before.transactions, statements - before.statements,
          acquisitions - before.acquisitions);
    }
  }

  private final DataSource dataSource;

  DatabaseStatistics(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create extension if not exists pg_stat_statements");
    }
  }

  Snapshot snapshot() throws SQLException {
    String sql = """
        select
          coalesce(sum(s.calls) filter (where upper(s.query) = 'BEGIN'), 0),
          coalesce(sum(s.calls) filter (where upper(s.query) not in ('BEGIN', 'COMMIT', 'ROLLBACK')), 0),
          coalesce(sum(s.calls) filter (where s.query ilike '%from ACT_RU_JOB%' and s.query ilike '%LOCK_EXP_TIME_%'
                                          and s.query ilike 'select%'), 0)
        from pg_stat_statements s
        join pg_roles r on r.oid = s.userid
        join pg_database d on d.oid = s.dbid
        where r.rolname = 'postgres' and d.datname = current_database()
        """;
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return new Snapshot(row.getLong(1), row.getLong(2), row.getLong(3));
    }
  }

  /** The statements called most since the last {@link #reset}, with their calls: where the work goes. */
  java.util.List<String> mostCalled(int limit, double per) throws SQLException {
    String sql = """
        select s.calls, s.rows, regexp_replace(left(s.query, 160), '\\s+', ' ', 'g')
        from pg_stat_statements s join pg_roles r on r.oid = s.userid join pg_database d on d.oid = s.dbid
        where r.rolname = 'postgres' and d.datname = current_database()
        order by s.calls desc limit ?
        """;
    java.util.List<String> lines = new java.util.ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, limit);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          lines.add(String.format(java.util.Locale.ROOT, "%8.2f calls %8.2f rows  %s", row.getLong(1) / per,
              row.getLong(2) / per, row.getString(3)));
        }
      }
    }
    return lines;
  }

  /** Forgets every count (before a measured run, so that the statements of the set-up do not crowd it). */
  void reset() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("select pg_stat_statements_reset()");
    }
  }
}
