package fr.manche.tna.convention.web;

import fr.manche.tna.convention.ConventionApplicationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Staff page: every convention with its status, dates, upcoming deadlines, history and documents. */
@Controller
class ConventionsController {

  private final ConventionApplicationService conventions;
  private final ConventionDetails details;

  ConventionsController(ConventionApplicationService conventions, ConventionDetails details) {
    this.conventions = conventions;
    this.details = details;
  }

  @GetMapping("/conventions")
  String list(Model model) {
    model.addAttribute("conventions", details.of(conventions.summaries()));
    return "staff/conventions";
  }
}
