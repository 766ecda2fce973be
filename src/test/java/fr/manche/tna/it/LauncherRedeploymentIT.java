package fr.manche.tna.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.test.TestMailServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * Restarting the application on the same database creates no new process or form version, whether it is
 * launched like "mvn spring-boot:run" (classes directory) or with "java -jar"; a changed model creates
 * exactly one. The application is started for real, as separate processes, on one H2 file database.
 */
class LauncherRedeploymentIT {

  @TempDir Path work;

  @Test
  void restartsWithEitherLauncherCreateNoVersionAndAChangedModelCreatesOne() throws Exception {
    String database = "jdbc:h2:file:" + work.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
    Path classes = Path.of(System.getProperty("tna.classes"));
    String dependencies = Files.readString(Path.of(System.getProperty("tna.runtime-classpath"))).trim();
    List<String> asSpringBootRun = List.of("-cp", classes + java.io.File.pathSeparator + dependencies, "fr.manche.tna.TnaApplication");
    List<String> asJar = List.of("-jar", System.getProperty("tna.jar"));

    start(asSpringBootRun, database);
    Map<String, Integer> first = versions(database);
    assertThat(first).containsEntry("process ConventionApplication", 1).containsEntry("form ConventionApplicationStart", 1);

    start(asJar, database);
    start(asSpringBootRun, database);
    assertThat(versions(database)).isEqualTo(first);
    assertThat(deployments(database)).isEqualTo(1);

    Path changed = work.resolve("classes");
    FileSystemUtils.copyRecursively(classes, changed);
    Path model = changed.resolve("bpmn/convention/ConventionApplication.bpmn");
    Files.writeString(
        model,
        Files.readString(model).replace("name=\"Enregistrer la demande\"", "name=\"Enregistrer la demande reçue\""));
    start(List.of("-cp", changed + java.io.File.pathSeparator + dependencies, "fr.manche.tna.TnaApplication"), database);

    Map<String, Integer> expected = new TreeMap<>(first);
    expected.put("process ConventionApplication", 2);
    assertThat(versions(database)).isEqualTo(expected);
    assertThat(deployments(database)).isEqualTo(2);
  }

  /** Starts the application, waits for "Started", stops it gracefully. */
  private void start(List<String> launcher, String database) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.timezone=Europe/Paris");
    command.addAll(launcher);
    command.add("--spring.datasource.url=" + database);
    command.add("--server.port=" + TestMailServer.freePort());
    command.add("--tna.demo.mail-catcher.smtp-port=" + TestMailServer.freePort());
    Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    boolean started = false;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      String line;
      while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
        output.add(line);
        if (line.contains("Started TnaApplication")) {
          started = true;
          break;
        }
      }
      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("graceful stop").isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(started).as(String.join("\n", output)).isTrue();
  }

  private static Map<String, Integer> versions(String database) throws SQLException {
    Map<String, Integer> versions = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(database, "sa", "")) {
      collect(connection, "select KEY_, max(VERSION_), count(*) from ACT_RE_PROCDEF group by KEY_", "process ", versions);
      collect(connection, "select KEY_, max(VERSION_), count(*) from ACT_RE_CAMFORMDEF group by KEY_", "form ", versions);
    }
    return versions;
  }

  private static void collect(Connection connection, String sql, String prefix, Map<String, Integer> into)
      throws SQLException {
    try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
      while (rows.next()) {
        assertThat(rows.getInt(3)).as("versions of " + rows.getString(1)).isEqualTo(rows.getInt(2));
        into.put(prefix + rows.getString(1), rows.getInt(2));
      }
    }
  }

  private static int deployments(String database) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database, "sa", "");
        ResultSet rows = connection.createStatement().executeQuery("select count(*) from ACT_RE_DEPLOYMENT")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
