package fr.manche.tna.loan.web;

import fr.manche.tna.loan.LoanLifecycle;
import fr.manche.tna.loan.LoanLifecycle.ExtensionOutcome;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.loan.LoanRules;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.Logs;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.security.Secrets;
import fr.manche.tna.platform.security.StaffPagesFilter;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.Page;
import fr.manche.tna.platform.web.TasklistLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's page {@code /mes-emprunts}: every loan request and loan of their organisation, its next step, and
 * the member's actions (cancel, ask for a later last day). The organisation is always the logged-in person's,
 * whatever number a form sends: {@link LoanLifecycle} refuses another organisation's loan in French. A refusal is
 * shown next to the form of that loan and changes nothing. Staff are sent to {@code /prets}.
 */
@Controller
class MemberLoansController {

  static final String PATH = "/mes-emprunts";
  private static final Logger LOG = LoggerFactory.getLogger(MemberLoansController.class);

  private final LoanViews views;
  private final LoanLifecycle lifecycle;
  private final LoanRequestService requests;
  private final AccountService accounts;
  private final TasklistLinks links;

  MemberLoansController(LoanViews views, LoanLifecycle lifecycle, LoanRequestService requests, AccountService accounts,
      TasklistLinks links) {
    this.views = views;
    this.lifecycle = lifecycle;
    this.requests = requests;
    this.accounts = accounts;
    this.links = links;
  }

  @GetMapping(PATH)
  String page(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
    Optional<Member> member = member(request, response);
    if (member.isEmpty()) {
      return response.isCommitted() ? null : "redirect:" + Page.PRETS.path();
    }
    return render(request, model, member.get(), Map.of(), Map.of());
  }

  @PostMapping(PATH + "/{id}/annuler")
  String cancel(@PathVariable String id, @RequestParam(name = "_csrf", required = false) String csrf,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
    Optional<Member> member = postingMember(request, response, csrf);
    if (member.isEmpty()) {
      return null;
    }
    long loanId = number(id);
    try {
      LoanRequest loan = lifecycle.ofOrganisation(member.get().organisationId(), loanId);
      lifecycle.cancel(member.get().organisationId(), loanId, member.get().user().userId());
      redirect.addFlashAttribute("message", loan.status() == LoanRequestStatus.APPROUVEE
          ? "Prêt n° " + loanId + " annulé : le matériel est de nouveau libre."
          : "Demande de prêt n° " + loanId + " annulée.");
      return "redirect:" + PATH;
    } catch (InvalidInputException refused) {
      return refused(request, response, model, member.get(), loanId, refused, Map.of());
    }
  }

  @PostMapping(PATH + "/{id}/prolonger")
  String extend(@PathVariable String id, @RequestParam(name = "_csrf", required = false) String csrf,
      @RequestParam(name = "nouveauDernierJour", defaultValue = "") String newLastDay,
      @RequestParam(name = "raison", defaultValue = "") String reason,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
    Optional<Member> member = postingMember(request, response, csrf);
    if (member.isEmpty()) {
      return null;
    }
    long loanId = number(id);
    Map<String, String> typed = Map.of("nouveauDernierJour", newLastDay, "raison", reason);
    try {
      ExtensionOutcome outcome = lifecycle.requestExtension(member.get().organisationId(), loanId, newLastDay, reason,
          member.get().user().userId());
      redirect.addFlashAttribute("message", outcome == ExtensionOutcome.GRANTED
          ? "Prêt n° " + loanId + " : prolongation accordée jusqu'au "
              + ParisTime.formatDate(requests.find(loanId).lastDay()) + "."
          : "Prêt n° " + loanId + " : demande de prolongation transmise au Département, qui l'examine (plus de "
              + LoanRules.MAX_ORDINARY_DAYS + " jours). Sa réponse vous arrivera par courriel.");
      return "redirect:" + PATH;
    } catch (InvalidInputException refused) {
      return refused(request, response, model, member.get(), loanId, refused, typed);
    }
  }

  private String refused(HttpServletRequest request, HttpServletResponse response, Model model, Member member, long loanId,
      InvalidInputException refused, Map<String, String> typed) {
    LOG.info("Action refusée sur /mes-emprunts (prêt n° {}) : {}", loanId, Logs.safe(refused.getMessage()));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    Map<Long, String> errors = new HashMap<>();
    errors.put(loanId, refused.getMessage());
    model.addAttribute("erreurGenerale", loanBelongsTo(member, loanId) ? null : refused.getMessage());
    return render(request, model, member, errors, Map.of(loanId, typed));
  }

  private boolean loanBelongsTo(Member member, long loanId) {
    try {
      lifecycle.ofOrganisation(member.organisationId(), loanId);
      return true;
    } catch (InvalidInputException notOurs) {
      return false;
    }
  }

  private String render(HttpServletRequest request, Model model, Member member, Map<Long, String> errors,
      Map<Long, Map<String, String>> typed) {
    model.addAttribute("loans", views.ofOrganisation(member.organisationId(), member.user().userId(), member.user().groupIds()));
    model.addAttribute("errors", errors);
    model.addAttribute("typed", typed);
    model.addAttribute("links", links);
    model.addAttribute("maxOrdinaryDays", LoanRules.MAX_ORDINARY_DAYS);
    model.addAttribute("tasklist", TasklistLinks.TASKLIST_PATH);
    model.addAttribute("startLoan", TasklistLinks.TASKLIST_PATH + "#/?processStart=LoanRequest");
    model.addAttribute(StaffPagesFilter.CSRF_ATTRIBUTE, token(request.getSession()));
    return "loan/mes-emprunts";
  }

  /** A path's loan number; anything else is a number no loan has (refused in French by the lifecycle). */
  private static long number(String id) {
    return id != null && id.matches("\\d{1,18}") ? Long.parseLong(id) : -1;
  }

  /** The logged-in member and their organisation; empty when the answer is already given (401, 403) or for staff. */
  private Optional<Member> member(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<CurrentUser> user = CurrentUser.of(request);
    if (user.isEmpty()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return Optional.empty();
    }
    if (user.get().isStaff()) {
      return Optional.empty();
    }
    Optional<Person> person = accounts.personOfUser(user.get().userId()).filter(Person::active);
    if (person.isEmpty()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return Optional.empty();
    }
    return Optional.of(new Member(user.get(), person.get().organisationId()));
  }

  /** The member posting a form of this page, with the form's token of their session (CSRF). */
  private Optional<Member> postingMember(HttpServletRequest request, HttpServletResponse response, String csrf)
      throws IOException {
    Optional<Member> member = member(request, response);
    if (member.isEmpty()) {
      if (!response.isCommitted()) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
      }
      return Optional.empty();
    }
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(StaffPagesFilter.CSRF_ATTRIBUTE);
    if (token == null || !token.equals(csrf)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Formulaire expiré : rechargez la page.");
      return Optional.empty();
    }
    return member;
  }

  /** The session's form token, created once (the same one the staff pages use). */
  private static String token(HttpSession session) {
    Object token = session.getAttribute(StaffPagesFilter.CSRF_ATTRIBUTE);
    if (token == null) {
      token = Secrets.random();
      session.setAttribute(StaffPagesFilter.CSRF_ATTRIBUTE, token);
    }
    return token.toString();
  }

  private record Member(CurrentUser user, long organisationId) {}
}
