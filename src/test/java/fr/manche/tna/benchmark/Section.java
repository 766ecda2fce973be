package fr.manche.tna.benchmark;

/**
 * One part of the benchmark (README "Benchmark"). Made by {@link Benchmark} with the application's beans
 * autowired, run once, in the order of {@link Benchmark#SECTIONS}; it records its figures in the report.
 */
interface Section {

  /** The name used in the report, the CSV and {@code -Dbenchmark.sections}. */
  String name();

  void run(Scale scale, BenchmarkReport report) throws Exception;
}
