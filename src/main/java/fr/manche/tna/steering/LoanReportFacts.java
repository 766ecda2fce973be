package fr.manche.tna.steering;

import fr.manche.tna.platform.Appreciation;
import fr.manche.tna.handover.ReportCategory;
import fr.manche.tna.inventory.EquipmentType;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The loans' reports ({@code handover.LoanReports}) as facts of the indicators. A report counts on <b>the day its loan's
 * equipment came back</b> ({@code loan_request.returned_on}): the actions it tells were led during the loan, and a
 * report filed a few days after a return on 30 June still belongs to the first half-year. (A loan closed without a
 * return day, which the loans never do, counts on the Paris day its report was filed.) It counts for every equipment
 * type among the loan's items. Reads the tables of the reports, the loans and the catalogue, never writes them.
 */
@Component
class LoanReportFacts implements IndicatorSource {

  /** The reports of loans returned in the period, or without a return day (then dated in Java). */
  private static final String REPORTS = "from loan_report r join loan_request l on l.id = r.loan_request_id"
      + " where (l.returned_on between :first and :last) or l.returned_on is null";

  private final JdbcClient jdbc;

  LoanReportFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public SourceKind kind() {
    return SourceKind.LOAN_REPORT;
  }

  private record Row(long id, long loanId, long organisationId, LocalDate date, Appreciation appreciation) {}

  @Override
  public List<IndicatorFact> facts(LocalDate first, LocalDate last) {
    List<Row> rows = jdbc.sql("select r.id, r.loan_request_id, r.organisation_id, r.filed_at, r.appreciation,"
            + " l.returned_on " + REPORTS)
        .param("first", first).param("last", last)
        .query((rs, n) -> {
          LocalDate returned = rs.getObject("returned_on", LocalDate.class);
          LocalDate date = returned != null ? returned
              : rs.getObject("filed_at", OffsetDateTime.class).atZoneSameInstant(ParisTime.ZONE).toLocalDate();
          return new Row(rs.getLong("id"), rs.getLong("loan_request_id"), rs.getLong("organisation_id"), date,
              Appreciation.valueOf(rs.getString("appreciation")));
        })
        .list();
    Map<Long, Map<ReportCategory, Integer>> numbers = new HashMap<>();
    jdbc.sql("select n.report_id, n.category, n.quantity from loan_report_line n where n.report_id in (select r.id "
            + REPORTS + ")")
        .param("first", first).param("last", last)
        .query(rs -> {
          numbers.computeIfAbsent(rs.getLong("report_id"), id -> new EnumMap<>(ReportCategory.class))
              .put(ReportCategory.valueOf(rs.getString("category")), rs.getInt("quantity"));
        });
    Map<Long, List<EquipmentType>> types = new HashMap<>();
    jdbc.sql("select distinct i.loan_request_id, t.id, t.name from loan_request_item i"
            + " join equipment_item e on e.id = i.item_id join equipment_type t on t.id = e.type_id"
            + " where i.loan_request_id in (select r.loan_request_id " + REPORTS + ") order by t.name")
        .param("first", first).param("last", last)
        .query(rs -> {
          types.computeIfAbsent(rs.getLong("loan_request_id"), id -> new ArrayList<>())
              .add(new EquipmentType(rs.getLong("id"), rs.getString("name")));
        });
    return rows.stream()
        .filter(row -> !row.date().isBefore(first) && !row.date().isAfter(last))
        .map(row -> new IndicatorFact(SourceKind.LOAN_REPORT, row.loanId(), row.organisationId(), row.date(),
            numbers.getOrDefault(row.id(), Map.of()), row.appreciation(), types.getOrDefault(row.loanId(), List.of())))
        .toList();
  }
}
