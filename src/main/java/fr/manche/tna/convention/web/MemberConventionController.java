package fr.manche.tna.convention.web;

import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The member's page {@code /ma-convention}: their organisation's conventions with status, dates, upcoming
 * deadlines and documents (R02-R07). Staff are sent to their list of every convention.
 */
@Controller
class MemberConventionController {

  private final ConventionLifecycle lifecycle;
  private final AccountService accounts;
  private final ConventionDetails details;

  MemberConventionController(ConventionLifecycle lifecycle, AccountService accounts, ConventionDetails details) {
    this.lifecycle = lifecycle;
    this.accounts = accounts;
    this.details = details;
  }

  @GetMapping("/ma-convention")
  String page(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
    Optional<CurrentUser> user = CurrentUser.of(request);
    if (user.isEmpty()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return null;
    }
    if (user.get().isStaff()) {
      return "redirect:/conventions";
    }
    Optional<Person> person = accounts.personOfUser(user.get().userId()).filter(Person::active);
    if (person.isEmpty()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
    model.addAttribute("conventions", details.of(lifecycle.ofOrganisation(person.get().organisationId())));
    return "member/ma-convention";
  }
}
