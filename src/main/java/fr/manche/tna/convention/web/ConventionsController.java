package fr.manche.tna.convention.web;

import fr.manche.tna.convention.ConventionApplicationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Staff page: every convention with its status, dates and next deadline. */
@Controller
class ConventionsController {

  private final ConventionApplicationService conventions;

  ConventionsController(ConventionApplicationService conventions) {
    this.conventions = conventions;
  }

  @GetMapping("/conventions")
  String list(Model model) {
    model.addAttribute("conventions", conventions.summaries());
    return "staff/conventions";
  }
}
