package fr.manche.tna.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The application started for real in a child JVM (main class {@code fr.manche.tna.TnaApplication}), as an operator
 * would: its own port, its output in {@code target/benchmark/<name>.log}. {@link #start} returns once it answers HTTP
 * ({@code GET /connexion} is 200) and says how long that took from the process start; {@link #heapUsedAfterGc} reads
 * the heap it keeps once started. {@link #close} always stops it (SIGTERM, Spring's graceful shutdown, then kill).
 *
 * <p>The classpath is the benchmark's ({@code useManifestOnlyJar=false}) without {@code target/test-classes}: the
 * tests' {@code @TestConfiguration} classes (a failing notification, extra signable documents) would otherwise be
 * picked up by the component scan. The profiles {@code test} and {@code benchmark} come from a copy of their YAML
 * files alone ({@code target/benchmark/node-config}).
 */
final class ApplicationNode implements AutoCloseable {

  static final Path DIRECTORY = Path.of("target", "benchmark");
  private static final Duration READY_WITHIN = Duration.ofMinutes(3);
  private static final Pattern SPRING_STARTED =
      Pattern.compile("Started TnaApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

  private final String name;
  private final Process process;
  private final int port;
  private final long launched;
  private final Path log;
  private Duration toReady;

  private ApplicationNode(String name, Process process, int port, long launched, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.launched = launched;
    this.log = log;
  }

  /**
   * Starts the application with the profiles (none: the default, {@code demo}) and the properties (given as
   * {@code --name=value}), in the working directory, and waits until it answers. Stopped again if it does not.
   */
  static ApplicationNode start(String name, List<String> profiles, Map<String, String> properties, Path workingDirectory)
      throws IOException, InterruptedException {
    Files.createDirectories(DIRECTORY);
    int port = fr.manche.tna.test.TestMailServer.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.timezone=Europe/Paris");
    command.add("-Duser.language=fr");
    command.add("-Duser.country=FR");
    command.add("-cp");
    command.add(classpath());
    command.add("fr.manche.tna.TnaApplication");
    command.add("--server.port=" + port);
    if (!profiles.isEmpty()) {
      command.add("--spring.profiles.active=" + String.join(",", profiles));
    }
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    Path log = DIRECTORY.resolve(name + ".log").toAbsolutePath();
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    ApplicationNode node = new ApplicationNode(name, process, port, launched, log);
    try {
      node.awaitReady();
      return node;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      node.close();
      throw e;
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connexion"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = launched + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped during start-up (exit " + process.exitValue() + "), see " + log
            + ":\n" + tail());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          toReady = Duration.ofNanos(System.nanoTime() - launched);
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " not ready within " + READY_WITHIN + ", see " + log + ":\n" + tail());
  }

  /** From the process start to the first 200 on {@code /connexion}. */
  Duration toReady() {
    return toReady;
  }

  /** What Spring Boot says: « Started TnaApplication in X seconds (process running for Y) », or empty. */
  String springStarted() {
    try {
      Matcher matcher = SPRING_STARTED.matcher(Files.readString(log));
      return matcher.find() ? "context " + matcher.group(1) + " s, JVM " + matcher.group(2) + " s" : "";
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The heap in use after a full collection (MB), read with {@code jcmd <pid> GC.run} then {@code GC.heap_info}: what
   * the application keeps, not the garbage of its start-up.
   */
  double heapUsedAfterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("No heap figure in jcmd's answer:\n" + info);
    }
    return Long.parseLong(used.group(1)) / 1024.0;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(process.pid()), command).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      jcmd.destroyForcibly();
      throw new IllegalStateException("jcmd " + command + " failed:\n" + output);
    }
    return output;
  }

  /** Fails when the node has stopped (e.g. a start-up runner failed after the web server answered). */
  void assertAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " has stopped (exit " + process.exitValue() + "), see " + log + ":\n" + tail());
    }
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  /** Graceful stop (SIGTERM: the job executor and the web server finish), killed after 30 s; always waits. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** The benchmark's classpath without the test classes, plus the YAML files of the profiles test and benchmark. */
  private static String classpath() {
    Path config = DIRECTORY.resolve("node-config").toAbsolutePath();
    List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .filter(entry -> !Path.of(entry).normalize().endsWith(Path.of("target", "test-classes")))
        .collect(Collectors.toCollection(ArrayList::new));
    try {
      Files.createDirectories(config);
      Path testClasses = Path.of("target", "test-classes");
      try (Stream<Path> files = Files.list(testClasses)) {
        for (Path file : files.filter(file -> file.getFileName().toString().matches("application-.*\\.ya?ml")).toList()) {
          Files.copy(file, config.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    entries.add(0, config.toString());
    return String.join(File.pathSeparator, entries);
  }
}
