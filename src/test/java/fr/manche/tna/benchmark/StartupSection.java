package fr.manche.tna.benchmark;

import fr.manche.tna.test.TestDatabase;
import fr.manche.tna.test.TestMailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * Start-up and footprint (issue 13, item 5, first half): the application started for real in its own JVM
 * ({@link ApplicationNode}), on the embedded default (profile {@code demo}, as {@code mvn spring-boot:run} runs it,
 * its H2 file in a temporary directory) and on PostgreSQL (a new database on the benchmark's server). Each database
 * is started empty (Flyway, the engine's schema, the models, the demo data or the authorizations are all created),
 * then again on its data (a restart). Figures: time from the process start until {@code /connexion} answers, and the
 * heap in use after a full collection. Runs first, on a quiet machine: nothing else of the benchmark runs meanwhile.
 * The smoke run starts each database once.
 */
class StartupSection implements Section {

  static final double TARGET_SECONDS = 15;

  @Override
  public String name() {
    return "startup";
  }

  @Override
  public void run(Scale scale, BenchmarkReport report) throws Exception {
    List<String> starts = scale.smoke() ? List.of("first start") : List.of("first start", "restart");
    // The smoke run (every build) starts PostgreSQL once: a start costs 15 to 50 s on the build's 2 shared cores,
    // and the embedded database takes the same path with other properties.
    if (!scale.smoke()) {
      startEmbedded(report, starts, Files.createTempDirectory("tna-startup-h2"));
    }
    startPostgres(report, starts);
    report.note(name(), "time to ready: from the child JVM's launch until GET /connexion answers 200 (JVM start, Spring "
        + "context, Flyway, engine schema, models, web server); heap: used after jcmd GC.run (default heap settings of "
        + "the JVM); logs in target/benchmark/startup-*.log");
  }

  private void startEmbedded(BenchmarkReport report, List<String> starts, Path embedded) throws Exception {
    try {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("spring.datasource.url", "jdbc:h2:file:" + embedded.resolve("reseau-tna") + ";DB_CLOSE_ON_EXIT=FALSE");
      properties.put("tna.demo.mail-catcher.smtp-port", String.valueOf(TestMailServer.freePort()));
      for (int i = 0; i < starts.size(); i++) {
        measure(report, "embedded H2 (demo), " + starts.get(i), "startup-h2-" + (i + 1), List.of(), properties, embedded);
      }
    } finally {
      FileSystemUtils.deleteRecursively(embedded);
    }
  }

  private void startPostgres(BenchmarkReport report, List<String> starts) throws Exception {
    String database = "startup_" + System.currentTimeMillis();
    try (Connection server = DriverManager.getConnection(TestDatabase.postgresUrl(), "postgres", "postgres")) {
      server.createStatement().execute("create database " + database);
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", TestDatabase.postgresUrl().replaceFirst("/postgres\\?", "/" + database + "?"));
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.password", "postgres");
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", String.valueOf(TestMailServer.port()));
    Path work = Files.createTempDirectory("tna-startup-pg");
    try {
      for (int i = 0; i < starts.size(); i++) {
        measure(report, "PostgreSQL, " + starts.get(i), "startup-postgres-" + (i + 1), List.of("test", "benchmark"),
            properties, work);
      }
    } finally {
      FileSystemUtils.deleteRecursively(work);
    }
  }

  private void measure(BenchmarkReport report, String variant, String log, List<String> profiles,
      Map<String, String> properties, Path work) throws Exception {
    try (ApplicationNode node = ApplicationNode.start(log, profiles, properties, work)) {
      report.target(name(), "time to ready", variant, node.toReady().toMillis() / 1000.0, "s",
          BenchmarkReport.Target.atMost(TARGET_SECONDS, "start-up under 15 s"));
      report.figure(name(), "heap used after start-up (after a full GC)", variant, node.heapUsedAfterGc(), "MB");
      report.note(name(), variant + ": Spring Boot says " + node.springStarted());
    }
  }
}
