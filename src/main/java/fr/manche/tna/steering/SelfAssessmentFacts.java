package fr.manche.tna.steering;

import fr.manche.tna.handover.ReportCategory;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The year-end self-assessments (R23) as facts of the indicators: the member's own workshops of the year, outside the
 * loans' reports (« ateliers thématiques »), and the people it welcomed (« tout public »), on the Paris day the
 * self-assessment was filed; no appreciation, no equipment.
 */
@Component
class SelfAssessmentFacts implements IndicatorSource {

  private final JdbcClient jdbc;

  SelfAssessmentFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public SourceKind kind() {
    return SourceKind.SELF_ASSESSMENT;
  }

  @Override
  public List<IndicatorFact> facts(LocalDate first, LocalDate last) {
    return jdbc.sql("select id, organisation_id, assessed_at, workshops_count, people_reached from steering_review"
            + " where assessed_at >= ? and assessed_at < ?")
        .params(first.atStartOfDay(ParisTime.ZONE).toOffsetDateTime(),
            last.plusDays(1).atStartOfDay(ParisTime.ZONE).toOffsetDateTime())
        .query((rs, row) -> {
          Map<ReportCategory, Integer> numbers = new HashMap<>();
          Object workshops = rs.getObject("workshops_count");
          Object people = rs.getObject("people_reached");
          if (workshops != null) {
            numbers.put(ReportCategory.ATELIER, ((Number) workshops).intValue());
          }
          if (people != null) {
            numbers.put(ReportCategory.TOUT_PUBLIC, ((Number) people).intValue());
          }
          return new IndicatorFact(SourceKind.SELF_ASSESSMENT, rs.getLong("id"), rs.getLong("organisation_id"),
              rs.getObject("assessed_at", OffsetDateTime.class).atZoneSameInstant(ParisTime.ZONE).toLocalDate(), numbers,
              null, List.of());
        })
        .list();
  }
}
