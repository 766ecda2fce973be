package fr.manche.tna.benchmark;

/** Loan lifecycle against the bare process (issue 13, item 1). Being written. */
class LifecycleSection implements Section {

  @Override
  public String name() {
    return "lifecycle";
  }

  @Override
  public void run(Scale scale, BenchmarkReport report) {
    report.figure(name(), "placeholder", "", 0, "");
  }
}
