package fr.manche.tna.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures: printed as they come, then as one table, and written as CSV
 * ({@code target/benchmark/benchmark-<date>.csv} and {@code target/benchmark/latest.csv}). A figure may carry the
 * issue's target for it ({@link Target}); the table then says whether it was met, and by how much it was missed.
 */
final class BenchmarkReport {

  /** A target on one figure: the limit it must stay at or below (every target of the issue is one). */
  record Target(String text, double limit) {

    static Target atMost(double limit, String text) {
      return new Target(text, limit);
    }

    boolean met(double value) {
      return value <= limit;
    }

    /** « met », or « missed by 23 % » (how far the figure is from the limit, relative to the limit). */
    String verdict(double value) {
      if (met(value)) {
        return "met";
      }
      return String.format(Locale.ROOT, "missed by %.0f %%", Math.abs(value - limit) / limit * 100);
    }
  }

  record Figure(String section, String measure, String variant, double value, String unit, Target target) {

    String verdict() {
      return target == null ? "" : target.verdict(value);
    }
  }

  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final ZonedDateTime started = ZonedDateTime.now(ZoneId.of("Europe/Paris"));

  synchronized void figure(String section, String measure, String variant, double value, String unit) {
    target(section, measure, variant, value, unit, null);
  }

  synchronized void target(String section, String measure, String variant, double value, String unit, Target target) {
    Figure figure = new Figure(section, measure, variant, value, unit, target);
    figures.add(figure);
    System.out.println(line(figure));
  }

  /** A sentence printed now and kept under the table (what was measured how, what a figure means). */
  synchronized void note(String section, String text) {
    notes.add("[" + section + "] " + text);
    System.out.println("[" + section + "] " + text);
  }

  synchronized List<Figure> figures() {
    return List.copyOf(figures);
  }

  /** The whole table, then the notes; then the CSV files. Returns the CSV written. */
  synchronized Path finish(Path directory) throws IOException {
    StringBuilder table = new StringBuilder();
    table.append("\n== Benchmark, ").append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(", ")
        .append(machine()).append(" ==\n");
    table.append(String.format(Locale.ROOT, "%-12s %-58s %-26s %14s %-10s %-22s %s%n", "section", "measure", "variant",
        "value", "unit", "target", "verdict"));
    figures.forEach(figure -> table.append(line(figure)).append('\n'));
    if (!notes.isEmpty()) {
      table.append('\n');
      notes.forEach(note -> table.append(note).append('\n'));
    }
    System.out.println(table);

    Files.createDirectories(directory);
    StringBuilder csv = new StringBuilder("section,measure,variant,value,unit,target,verdict,date,machine\n");
    String date = started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    for (Figure figure : figures) {
      csv.append(String.join(",", cell(figure.section()), cell(figure.measure()), cell(figure.variant()),
          String.format(Locale.ROOT, "%.3f", figure.value()), cell(figure.unit()),
          cell(figure.target() == null ? "" : figure.target().text()), cell(figure.verdict()), cell(date),
          cell(machine()))).append('\n');
    }
    Path file = directory.resolve("benchmark-" + started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("latest.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("latest.txt"), table, StandardCharsets.UTF_8);
    System.out.println("CSV: " + file.toAbsolutePath());
    return file;
  }

  /** Cores, memory and load of the machine, and the JVM: the context every figure needs. */
  static String machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    long memory = os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getTotalMemorySize() : 0;
    return String.format(Locale.ROOT, "%d cores, %.1f GB, load %.1f, Java %s, %s", os.getAvailableProcessors(),
        memory / 1e9, os.getSystemLoadAverage(), System.getProperty("java.version"), os.getName());
  }

  private static String line(Figure figure) {
    return String.format(Locale.ROOT, "%-12s %-58s %-26s %14.2f %-10s %-22s %s", figure.section(), figure.measure(),
        figure.variant(), figure.value(), figure.unit(), figure.target() == null ? "" : figure.target().text(),
        figure.verdict());
  }

  private static String cell(String text) {
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
