package fr.manche.tna.loan.web;

import fr.manche.tna.membership.MemberPages;
import fr.manche.tna.loan.LoanLifecycle;
import fr.manche.tna.loan.LoanLifecycle.ExtensionOutcome;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.loan.LoanRules;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.Logs;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.security.StaffPagesFilter;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.Page;
import fr.manche.tna.platform.web.TasklistLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
  private final MemberPages pages;
  private final TasklistLinks links;

  MemberLoansController(LoanViews views, LoanLifecycle lifecycle, LoanRequestService requests, MemberPages pages,
      TasklistLinks links) {
    this.views = views;
    this.lifecycle = lifecycle;
    this.requests = requests;
    this.pages = pages;
    this.links = links;
  }

  @GetMapping(PATH)
  String page(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
    Optional<MemberPages.Member> member = pages.member(request, response);
    if (member.isEmpty()) {
      return response.isCommitted() ? null : "redirect:" + Page.PRETS.path();
    }
    return render(request, model, member.get(), Map.of(), Map.of());
  }

  @PostMapping(PATH + "/{id}/annuler")
  String cancel(@PathVariable String id, @RequestParam(name = "_csrf", required = false) String csrf,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
    Optional<MemberPages.Member> member = pages.postingMember(request, response, csrf);
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
    Optional<MemberPages.Member> member = pages.postingMember(request, response, csrf);
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

  private String refused(HttpServletRequest request, HttpServletResponse response, Model model, MemberPages.Member member, long loanId,
      InvalidInputException refused, Map<String, String> typed) {
    LOG.info("Action refusée sur /mes-emprunts (prêt n° {}) : {}", loanId, Logs.safe(refused.getMessage()));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    Map<Long, String> errors = new HashMap<>();
    errors.put(loanId, refused.getMessage());
    model.addAttribute("erreurGenerale", loanBelongsTo(member, loanId) ? null : refused.getMessage());
    return render(request, model, member, errors, Map.of(loanId, typed));
  }

  private boolean loanBelongsTo(MemberPages.Member member, long loanId) {
    try {
      lifecycle.ofOrganisation(member.organisationId(), loanId);
      return true;
    } catch (InvalidInputException notOurs) {
      return false;
    }
  }

  private String render(HttpServletRequest request, Model model, MemberPages.Member member, Map<Long, String> errors,
      Map<Long, Map<String, String>> typed) {
    model.addAttribute("loans", views.ofOrganisation(member.organisationId(), member.user().userId(), member.user().groupIds()));
    model.addAttribute("errors", errors);
    model.addAttribute("typed", typed);
    model.addAttribute("links", links);
    model.addAttribute("maxOrdinaryDays", LoanRules.MAX_ORDINARY_DAYS);
    model.addAttribute("tasklist", TasklistLinks.TASKLIST_PATH);
    model.addAttribute("startLoan", TasklistLinks.TASKLIST_PATH + "#/?processStart=LoanRequest");
    model.addAttribute(StaffPagesFilter.CSRF_ATTRIBUTE, MemberPages.token(request.getSession()));
    return "loan/mes-emprunts";
  }

  /** A path's loan number; anything else is a number no loan has (refused in French by the lifecycle). */
  private static long number(String id) {
    return id != null && id.matches("\\d{1,18}") ? Long.parseLong(id) : -1;
  }


}
