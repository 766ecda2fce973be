package fr.manche.tna.steering;

import fr.manche.tna.communication.JointReport;
import fr.manche.tna.communication.JointReports;
import fr.manche.tna.platform.Appreciation;
import fr.manche.tna.handover.ReportCategory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The joint operations' reports ({@code communication.JointReports}, R22) as facts of the indicators: each operation is
 * one event (R24's « événements ») reaching its people (« tout public »), on the day of its diffusion, with the
 * audience's appreciation; no equipment.
 */
@Component
class JointReportFacts implements IndicatorSource {

  private final JointReports reports;

  JointReportFacts(JointReports reports) {
    this.reports = reports;
  }

  @Override
  public SourceKind kind() {
    return SourceKind.JOINT_REPORT;
  }

  @Override
  public List<IndicatorFact> facts(LocalDate first, LocalDate last) {
    return reports.between(first, last).stream().map(JointReportFacts::fact).toList();
  }

  private static IndicatorFact fact(JointReport report) {
    return new IndicatorFact(SourceKind.JOINT_REPORT, report.communicationRequestId(), report.organisationId(),
        report.diffusedOn(), Map.of(ReportCategory.EVENEMENT, 1, ReportCategory.TOUT_PUBLIC, report.peopleReached()),
        report.appreciation() == null ? null : report.appreciation(), List.of());
  }
}
