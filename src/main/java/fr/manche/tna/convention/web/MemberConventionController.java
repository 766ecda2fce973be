package fr.manche.tna.convention.web;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.ConventionStatus;
import fr.manche.tna.convention.ConventionSummary;
import fr.manche.tna.convention.ConventionTerms;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.time.ParisTime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The member's page {@code /ma-convention}: their organisation's conventions with status, dates, upcoming
 * deadlines and documents (R02-R07). Staff are sent to their list of every convention.
 */
@Controller
class MemberConventionController {

  private static final Set<ConventionStatus> IN_PREPARATION =
      EnumSet.of(ConventionStatus.EN_EXAMEN, ConventionStatus.A_COMPLETER, ConventionStatus.ACCEPTEE);

  private final ConventionLifecycle lifecycle;
  private final AccountService accounts;
  private final ConventionDetails details;
  private final Directory directory;

  MemberConventionController(ConventionLifecycle lifecycle, AccountService accounts, ConventionDetails details, Directory directory) {
    this.lifecycle = lifecycle;
    this.accounts = accounts;
    this.details = details;
    this.directory = directory;
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
    long organisationId = person.get().organisationId();
    List<ConventionSummary> conventions = lifecycle.ofOrganisation(organisationId);
    model.addAttribute("conventions", details.of(conventions));
    addGuidance(model, organisationId, conventions);
    return "member/ma-convention";
  }

  /**
   * What the member may do next, true to their situation: an amendment only modifies a convention in force
   * and must arrive three months before its end (R04, R05); without a convention in force there is none to
   * ask for, and the network referent, named with their address, is whom to write to.
   */
  private void addGuidance(Model model, long organisationId, List<ConventionSummary> conventions) {
    LocalDate today = ParisTime.today();
    Optional<Convention> inForce = lifecycle.inForceOn(organisationId, today);
    model.addAttribute("inForce", inForce.isPresent());
    inForce.ifPresent(convention -> {
      LocalDate deadline = ConventionTerms.amendmentRequestDeadline(convention.lastDay());
      model.addAttribute("amendmentDeadline", ParisTime.formatDate(deadline));
      model.addAttribute("amendmentTooLate", today.isAfter(deadline));
    });
    model.addAttribute("inPreparation", conventions.stream().map(ConventionSummary::convention).anyMatch(convention ->
        IN_PREPARATION.contains(convention.status())
            || (convention.status() == ConventionStatus.SIGNEE && convention.effectiveDate().isAfter(today))));
    Optional<Convention> followed = inForce.or(() -> conventions.stream().map(ConventionSummary::convention).findFirst());
    model.addAttribute("referentContact", directory.networkReferentContact(followed.map(lifecycle::networkReferentId).orElse(null)));
  }
}
