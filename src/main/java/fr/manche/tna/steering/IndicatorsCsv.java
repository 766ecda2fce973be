package fr.manche.tna.steering;

import fr.manche.tna.steering.Figures.Breakdown;
import fr.manche.tna.steering.Figures.Count;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The indicators as a CSV file a spreadsheet opens (as the loans' export on {@code /prets}): « ; » between cells,
 * UTF-8 with a byte order mark, French headers, one figure per line; a cell a spreadsheet would read as a formula
 * (= + - @) starts with an apostrophe.
 */
public final class IndicatorsCsv {

  public static final List<String> HEADER = List.of("Période", "Structure", "Type de matériel", "Rubrique", "Libellé",
      "Nombre");
  public static final String REPORTS = "Comptes rendus";
  public static final String ACTIONS = "Actions (nombre)";
  public static final String AUDIENCES = "Publics (nombre de personnes)";
  public static final String APPRECIATION = "Appréciation (comptes rendus)";
  private static final String BOM = "\uFEFF";

  private IndicatorsCsv() {}

  public static byte[] csv(Figures figures) {
    StringBuilder csv = new StringBuilder(BOM);
    line(csv, HEADER);
    List<String> scope = List.of(figures.period().label(), figures.organisation(), figures.equipmentType());
    row(csv, scope, REPORTS, "Total", figures.reports());
    counts(csv, scope, ACTIONS, figures.actions(), figures.totalActions());
    counts(csv, scope, AUDIENCES, figures.audiences(), figures.totalPeople());
    counts(csv, scope, APPRECIATION, figures.appreciations(), figures.reports());
    breakdown(csv, scope, "par semestre", figures.byHalfYear());
    breakdown(csv, scope, "par structure", figures.byMember());
    breakdown(csv, scope, "par type de matériel", figures.byEquipmentType());
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void counts(StringBuilder csv, List<String> scope, String heading, List<Count> counts, long total) {
    for (Count count : counts) {
      row(csv, scope, heading, count.label(), count.number());
    }
    row(csv, scope, heading, "Total", total);
  }

  private static void breakdown(StringBuilder csv, List<String> scope, String by, List<Breakdown> rows) {
    for (Breakdown row : rows) {
      row(csv, scope, REPORTS + " " + by, row.label(), row.reports());
      row(csv, scope, ACTIONS + " " + by, row.label(), row.actions());
      row(csv, scope, AUDIENCES + " " + by, row.label(), row.people());
    }
  }

  private static void row(StringBuilder csv, List<String> scope, String heading, String label, long number) {
    line(csv, List.of(scope.get(0), scope.get(1), scope.get(2), heading, label, String.valueOf(number)));
  }

  static void line(StringBuilder csv, List<String> cells) {
    csv.append(cells.stream().map(IndicatorsCsv::cell).collect(Collectors.joining(";"))).append("\r\n");
  }

  /** A cell: formula characters neutralised by an apostrophe; quoted when it holds « ; », a quote or a line break. */
  static String cell(String value) {
    String cell = value == null ? "" : value;
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      cell = "'" + cell;
    }
    if (cell.indexOf(';') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
      cell = '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
