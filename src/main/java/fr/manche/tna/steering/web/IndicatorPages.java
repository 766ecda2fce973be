package fr.manche.tna.steering.web;

import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.steering.Figures;
import fr.manche.tna.steering.IndicatorsCsv;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;

/** What the staff's and the members' indicator pages share: the model of the figures and their charts, the exports. */
final class IndicatorPages {

  static final int[] HALVES = {1, 2};

  private IndicatorPages() {}

  static void figures(Model model, Figures figures, IndicatorFilters.Typed typed, IndicatorFilters.Read read) {
    model.addAttribute("figures", figures);
    model.addAttribute("charts", List.of(
        BarChart.of("graphique-actions", "Actions menées (nombre)", figures.actions()),
        BarChart.of("graphique-publics", "Publics touchés (nombre de personnes)", figures.audiences()),
        BarChart.of("graphique-appreciation", "Appréciation du public (comptes rendus)", figures.appreciations())));
    model.addAttribute("typed", typed.trimmed());
    model.addAttribute("errors", read.errors());
    model.addAttribute("exportQuery", read.parameters());
  }

  static ResponseEntity<byte[]> csv(Figures figures, String name) {
    return download(IndicatorsCsv.csv(figures), new MediaType("text", "csv", StandardCharsets.UTF_8), name + ".csv");
  }

  static ResponseEntity<byte[]> download(byte[] body, MediaType type, String file) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .body(body);
  }

  /** « indicateurs-2031-s1 », « indicateurs-2031 ». */
  static String fileName(Figures figures) {
    return "indicateurs-" + figures.period().year() + (figures.period().wholeYear() ? "" : "-s" + figures.period().half())
        + "-" + ParisTime.today();
  }
}
