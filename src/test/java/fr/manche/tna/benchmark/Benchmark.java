package fr.manche.tna.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.test.TestDatabase;
import fr.manche.tna.test.TestInfrastructure;
import fr.manche.tna.test.TestMailServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The performance benchmark (README "Benchmark", issue 13): the whole application on its own embedded PostgreSQL
 * (the tests' binaries, with {@code pg_stat_statements}), a real SMTP server, the job executor on (profile
 * {@code benchmark}). It runs the sections in the order below, prints every figure with its target, and writes the
 * table as CSV under {@code target/benchmark/}.
 *
 * <pre>
 * mvn -B test -Pbenchmark                                   # the sizes (README: how long)
 * mvn -B test -Pbenchmark -Dbenchmark.sections=lifecycle    # one section; every size has its property (Scale)
 * </pre>
 *
 * <p>Every {@code mvn verify} runs it once more with tiny sizes (Surefire execution {@code benchmark}), so that it
 * cannot rot: that run fails when a section fails or records no figure, never on a missed target (tiny sizes say
 * nothing about speed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "benchmark"})
@ContextConfiguration(initializers = TestInfrastructure.class)
@Tag("benchmark")
class Benchmark {

  /** The sections, in the order they run: each leaves data the next ones do not mind. */
  static final Map<String, Class<? extends Section>> CLASSES = new LinkedHashMap<>();

  static {
    CLASSES.put("startup", StartupSection.class);
    CLASSES.put("lifecycle", LifecycleSection.class);
    CLASSES.put("availability", AvailabilitySection.class);
    CLASSES.put("members", MemberListsSection.class);
    CLASSES.put("timers", TimerStormSection.class);
  }

  static final List<String> SECTIONS = List.copyOf(CLASSES.keySet());

  @Autowired AutowireCapableBeanFactory beans;

  @Test
  void run() throws Exception {
    assertThat(TestDatabase.isPostgres()).as("the benchmark measures PostgreSQL: run it with -Pbenchmark").isTrue();
    assertThat(Boolean.getBoolean(TestDatabase.STATEMENT_STATISTICS)).as("pg_stat_statements must be loaded").isTrue();
    TestMailServer.ensureUp();
    Scale scale = Scale.fromSystemProperties();
    BenchmarkReport report = new BenchmarkReport();
    report.note("benchmark", (scale.smoke() ? "smoke run (tiny sizes: the figures say nothing about speed)" : "full run")
        + " on " + BenchmarkReport.machine() + "; " + scale);
    long started = System.nanoTime();
    for (Map.Entry<String, Class<? extends Section>> each : CLASSES.entrySet()) {
      if (!scale.runs(each.getKey())) {
        continue;
      }
      long sectionStarted = System.nanoTime();
      int before = report.figures().size();
      Section section = beans.createBean(each.getValue());
      section.run(scale, report);
      assertThat(report.figures().size()).as("figures recorded by the section " + each.getKey()).isGreaterThan(before);
      report.note(each.getKey(), "section run in " + Duration.ofNanos(System.nanoTime() - sectionStarted).toSeconds() + " s");
    }
    report.note("benchmark", "whole run in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    report.finish(Path.of("target", "benchmark"));
  }
}
