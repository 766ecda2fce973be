package fr.manche.tna.benchmark;

import java.util.Arrays;
import java.util.List;

/**
 * The sizes of a run. {@code -Dbenchmark.scale=full} (the {@code benchmark} profile) gives the sizes;
 * {@code smoke} (the build's {@code benchmark-smoke} run, every {@code mvn verify}) gives tiny ones, so that every
 * section runs in seconds and cannot rot. Each size can be set on its own, e.g. {@code -Dbenchmark.loans=50}.
 */
record Scale(
    boolean smoke,
    int loans,
    int threads,
    List<Integer> availabilityLoans,
    int availabilitySamples,
    List<Integer> memberInstances,
    int organisations,
    List<Integer> referentBacklogs,
    int timers,
    List<String> sections) {

  static Scale fromSystemProperties() {
    boolean smoke = !"full".equals(System.getProperty("benchmark.scale", "smoke"));
    return new Scale(
        smoke,
        Integer.getInteger("benchmark.loans", smoke ? 4 : 200),
        Integer.getInteger("benchmark.threads", smoke ? 2 : 4),
        sizes("benchmark.availability.loans", smoke ? "200,400" : "10000,100000"),
        Integer.getInteger("benchmark.availability.samples", smoke ? 20 : 300),
        sizes("benchmark.members.instances", smoke ? "30,60" : "1000,10000,50000"),
        Integer.getInteger("benchmark.organisations", smoke ? 3 : 100),
        sizes("benchmark.members.backlogs", smoke ? "15" : "5000,20000"),
        Integer.getInteger("benchmark.timers", smoke ? 40 : 10000),
        Arrays.stream(System.getProperty("benchmark.sections", String.join(",", Benchmark.SECTIONS)).split(","))
            .map(String::trim).filter(name -> !name.isEmpty()).toList());
  }

  boolean runs(String section) {
    return sections.contains(section);
  }

  private static List<Integer> sizes(String property, String defaults) {
    return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::trim)
        .filter(size -> !size.isEmpty()).map(Integer::valueOf).toList();
  }
}
