package fr.manche.tna.steering;

import java.time.LocalDate;
import java.util.List;

/**
 * A kind of report the indicators count (R24). Each source is a Spring bean; {@link Indicators} reads them all. The
 * loans' reports are one ({@link LoanReportFacts}); the year-end self-assessments and the joint operations' reports
 * add theirs by implementing this interface, nothing else changes.
 */
public interface IndicatorSource {

  SourceKind kind();

  /** The facts dated from {@code first} to {@code last}, both included (Paris days), of every organisation. */
  List<IndicatorFact> facts(LocalDate first, LocalDate last);
}
