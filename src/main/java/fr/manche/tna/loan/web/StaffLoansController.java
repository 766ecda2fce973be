package fr.manche.tna.loan.web;

import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.TasklistLinks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's page {@code /prets} (guarded as every staff page): every loan request and loan, filtered by state,
 * organisation, item and period (loans overlapping it), and the same rows exported as CSV. A filter that cannot be
 * read gets a French message next to it and filters nothing; it is never a server error.
 */
@Controller
class StaffLoansController {

  static final String PATH = "/prets";
  static final List<String> CSV_HEADER = List.of("N°", "Structure", "État", "Premier jour", "Dernier jour", "Jours",
      "Matériel", "Décision par", "Motif de la décision");
  private static final String BOM = "\uFEFF";
  private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final LoanViews views;
  private final TasklistLinks links;

  StaffLoansController(LoanViews views, TasklistLinks links) {
    this.views = views;
    this.links = links;
  }

  /** The filters as typed (GET parameters) and what was read of them. */
  public record Typed(String etat, String structure, String materiel, String du, String au) {}

  @GetMapping(PATH)
  String list(@RequestParam(defaultValue = "") String etat, @RequestParam(defaultValue = "") String structure,
      @RequestParam(defaultValue = "") String materiel, @RequestParam(defaultValue = "") String du,
      @RequestParam(defaultValue = "") String au, Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    LoanViews.Filters filters = read(new Typed(etat, structure, materiel, du, au), errors);
    model.addAttribute("loans", views.filtered(filters));
    model.addAttribute("limit", LoanViews.LIMIT);
    model.addAttribute("errors", errors);
    model.addAttribute("typed", new Typed(etat.trim(), structure.trim(), materiel.trim(), du.trim(), au.trim()));
    model.addAttribute("statuses", LoanRequestStatus.values());
    model.addAttribute("organisations", views.organisations());
    model.addAttribute("links", links);
    model.addAttribute("exportQuery", query(etat, structure, materiel, du, au));
    return "loan/prets";
  }

  @GetMapping(PATH + "/export")
  ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String etat, @RequestParam(defaultValue = "") String structure,
      @RequestParam(defaultValue = "") String materiel, @RequestParam(defaultValue = "") String du,
      @RequestParam(defaultValue = "") String au) {
    LoanViews.Filters filters = read(new Typed(etat, structure, materiel, du, au), new LinkedHashMap<>());
    StringBuilder csv = new StringBuilder(BOM);
    line(csv, CSV_HEADER);
    for (LoanViews.Row row : views.filtered(filters)) {
      line(csv, List.of(String.valueOf(row.id()), row.organisation(), row.state(), row.loan().firstDay().format(CSV_DATE),
          row.loan().lastDay().format(CSV_DATE), String.valueOf(row.loan().days()), row.itemsNamed(),
          row.decidedBy() == null ? "" : row.decidedBy(),
          row.loan().decisionReason() == null ? "" : row.loan().decisionReason()));
    }
    String name = "prets-" + ParisTime.today() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Reads the filters; each one that cannot be read gets its French message and filters nothing. */
  static LoanViews.Filters read(Typed typed, Map<String, String> errors) {
    LoanRequestStatus status = null;
    String state = typed.etat().trim();
    if (!state.isEmpty()) {
      status = Arrays.stream(LoanRequestStatus.values()).filter(s -> s.name().equalsIgnoreCase(state)).findFirst().orElse(null);
      if (status == null) {
        errors.put("etat", "Choisissez un état dans la liste.");
      }
    }
    Long organisationId = null;
    String organisation = typed.structure().trim();
    if (!organisation.isEmpty()) {
      if (organisation.matches("\\d{1,18}")) {
        organisationId = Long.parseLong(organisation);
      } else {
        errors.put("structure", "Choisissez une structure dans la liste.");
      }
    }
    String number = typed.materiel().trim();
    if (number.length() > 30) {
      errors.put("materiel", "Un numéro d'inventaire compte 30 caractères au plus.");
      number = "";
    }
    LocalDate from = date(typed.du(), "Du", "du", errors);
    LocalDate to = date(typed.au(), "Au", "au", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.put("au", "Le dernier jour de la période (" + ParisTime.formatDate(to) + ") précède le premier ("
          + ParisTime.formatDate(from) + ").");
      to = null;
    }
    return new LoanViews.Filters(status, organisationId, number.isEmpty() ? null : number.toUpperCase(Locale.ROOT), from, to);
  }

  private static LocalDate date(String value, String label, String key, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ParisTime.parseDate(value.trim(), label);
    } catch (InvalidInputException refused) {
      errors.put(key, refused.getMessage());
      return null;
    }
  }

  /** The filters again, for the export's link (the same rows). */
  private static String query(String... values) {
    String[] names = {"etat", "structure", "materiel", "du", "au"};
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      if (values[i] != null && !values[i].isBlank()) {
        query.append(query.isEmpty() ? "?" : "&").append(names[i]).append('=')
            .append(java.net.URLEncoder.encode(values[i].trim(), StandardCharsets.UTF_8));
      }
    }
    return query.toString();
  }

  /**
   * One CSV line, « ; » between cells: a cell that a spreadsheet would read as a formula (= + - @) starts with an
   * apostrophe; a cell holding « ; », a quote or a line break is quoted.
   */
  static void line(StringBuilder csv, List<String> cells) {
    csv.append(cells.stream().map(StaffLoansController::cell).collect(Collectors.joining(";"))).append("\r\n");
  }

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
