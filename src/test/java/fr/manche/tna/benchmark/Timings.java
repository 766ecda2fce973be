package fr.manche.tna.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** Durations of one measured call or step, in milliseconds; percentiles by nearest rank. Thread-safe. */
final class Timings {

  private final List<Double> millis = new ArrayList<>();

  /** Runs the work once and records how long it took. */
  <T> T time(Supplier<T> work) {
    long started = System.nanoTime();
    try {
      return work.get();
    } finally {
      add((System.nanoTime() - started) / 1e6);
    }
  }

  void time(Runnable work) {
    time(() -> {
      work.run();
      return null;
    });
  }

  synchronized void add(double milliseconds) {
    millis.add(milliseconds);
  }

  synchronized int count() {
    return millis.size();
  }

  double median() {
    return percentile(50);
  }

  /** The nearest-rank percentile (0 when nothing was recorded). */
  synchronized double percentile(int percent) {
    if (millis.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
