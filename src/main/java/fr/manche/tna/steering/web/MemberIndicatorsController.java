package fr.manche.tna.steering.web;

import fr.manche.tna.membership.MemberPages;
import fr.manche.tna.platform.web.Page;
import fr.manche.tna.steering.Figures;
import fr.manche.tna.steering.Indicators;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's page {@code /mes-indicateurs} (R24): the indicators of their own organisation only, over a year or a
 * half-year and optionally one equipment type, and their CSV ({@code /mes-indicateurs/export.csv}). The organisation
 * is always the logged-in person's ({@link MemberPages}); no parameter names another. Staff are sent to
 * {@code /indicateurs}.
 */
@Controller
class MemberIndicatorsController {

  static final String PATH = "/mes-indicateurs";

  private final Indicators indicators;
  private final MemberPages pages;

  MemberIndicatorsController(Indicators indicators, MemberPages pages) {
    this.indicators = indicators;
    this.pages = pages;
  }

  @GetMapping(PATH)
  String page(@RequestParam(defaultValue = "") String annee, @RequestParam(defaultValue = "") String semestre,
      @RequestParam(defaultValue = "") String materiel, HttpServletRequest request, HttpServletResponse response,
      Model model) throws IOException {
    Optional<MemberPages.Member> member = pages.member(request, response);
    if (member.isEmpty()) {
      return response.isCommitted() ? null : "redirect:" + Page.INDICATEURS.path();
    }
    IndicatorFilters.Typed typed = new IndicatorFilters.Typed(annee, semestre, "", materiel);
    IndicatorFilters.Read read = IndicatorFilters.read(typed, indicators, member.get().organisationId());
    IndicatorPages.figures(model, indicators.figures(read.query()), typed, read);
    model.addAttribute("types", indicators.equipmentTypes());
    return "steering/mes-indicateurs";
  }

  @GetMapping(PATH + "/export.csv")
  ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "") String annee,
      @RequestParam(defaultValue = "") String semestre, @RequestParam(defaultValue = "") String materiel,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<MemberPages.Member> member = pages.member(request, response);
    if (member.isEmpty()) {
      return response.isCommitted() ? null
          : ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, Page.INDICATEURS.path()).build();
    }
    IndicatorFilters.Read read = IndicatorFilters.read(new IndicatorFilters.Typed(annee, semestre, "", materiel),
        indicators, member.get().organisationId());
    Figures figures = indicators.figures(read.query());
    return IndicatorPages.csv(figures, IndicatorPages.fileName(figures));
  }
}
