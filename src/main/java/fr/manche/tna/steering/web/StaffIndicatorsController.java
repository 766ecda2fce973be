package fr.manche.tna.steering.web;

import fr.manche.tna.steering.Figures;
import fr.manche.tna.steering.Indicators;
import fr.manche.tna.steering.IndicatorsDocument;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's page {@code /indicateurs} (R24, guarded as every staff page): the network's indicators over a year or a
 * half-year, of every member or one, of every equipment type or one, as tables and bar charts; the same figures as
 * CSV ({@code /indicateurs/export.csv}) and as the committee's PDF pack ({@code /indicateurs/dossier.pdf}). The
 * exports lie below the page's address so that the staff pages' guard covers them too.
 */
@Controller
class StaffIndicatorsController {

  static final String PATH = "/indicateurs";

  private final Indicators indicators;

  StaffIndicatorsController(Indicators indicators) {
    this.indicators = indicators;
  }

  @GetMapping(PATH)
  String page(@RequestParam(defaultValue = "") String annee, @RequestParam(defaultValue = "") String semestre,
      @RequestParam(defaultValue = "") String structure, @RequestParam(defaultValue = "") String materiel, Model model) {
    IndicatorFilters.Typed typed = new IndicatorFilters.Typed(annee, semestre, structure, materiel);
    IndicatorFilters.Read read = IndicatorFilters.read(typed, indicators, null);
    IndicatorPages.figures(model, indicators.figures(read.query()), typed, read);
    model.addAttribute("organisations", indicators.organisations());
    model.addAttribute("types", indicators.equipmentTypes());
    return "steering/indicateurs";
  }

  @GetMapping(PATH + "/export.csv")
  ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "") String annee,
      @RequestParam(defaultValue = "") String semestre, @RequestParam(defaultValue = "") String structure,
      @RequestParam(defaultValue = "") String materiel) {
    Figures figures = figures(annee, semestre, structure, materiel);
    return IndicatorPages.csv(figures, IndicatorPages.fileName(figures));
  }

  @GetMapping(PATH + "/dossier.pdf")
  ResponseEntity<byte[]> pdf(@RequestParam(defaultValue = "") String annee,
      @RequestParam(defaultValue = "") String semestre, @RequestParam(defaultValue = "") String structure,
      @RequestParam(defaultValue = "") String materiel) {
    Figures figures = figures(annee, semestre, structure, materiel);
    return IndicatorPages.download(IndicatorsDocument.pdf(figures), MediaType.APPLICATION_PDF,
        IndicatorPages.fileName(figures) + ".pdf");
  }

  private Figures figures(String annee, String semestre, String structure, String materiel) {
    IndicatorFilters.Read read =
        IndicatorFilters.read(new IndicatorFilters.Typed(annee, semestre, structure, materiel), indicators, null);
    return indicators.figures(read.query());
  }
}
