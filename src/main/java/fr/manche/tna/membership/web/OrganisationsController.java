package fr.manche.tna.membership.web;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Insurance;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.membership.PersonRole;
import fr.manche.tna.membership.AccountInvitations;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: the member organisations, their people (add, deactivate) and the audit trail. */
@Controller
class OrganisationsController {

  private final OrganisationRepository organisations;
  private final AccountService accounts;
  private final AccountInvitations invitations;
  private final AuditLog audit;

  OrganisationsController(
      OrganisationRepository organisations, AccountService accounts, AccountInvitations invitations, AuditLog audit) {
    this.organisations = organisations;
    this.accounts = accounts;
    this.invitations = invitations;
    this.audit = audit;
  }

  @GetMapping("/organisations")
  String list(Model model) {
    model.addAttribute("organisations", organisations.findAll());
    return "staff/organisations";
  }

  @GetMapping("/organisations/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute(
        "organisation",
        organisations.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Organisation inconnue")));
    model.addAttribute("people", accounts.peopleOf(id));
    model.addAttribute("roles", PersonRole.values());
    model.addAttribute("entries", audit.latest(id, 50));
    model.addAttribute("insurance", organisations.insuranceOf(id).orElse(null));
    model.addAttribute("status", organisations.statusOf(id));
    return "staff/organisation";
  }

  @PostMapping("/organisations/{id}/personnes")
  String addPerson(
      @PathVariable long id,
      @RequestParam String prenom,
      @RequestParam String nom,
      @RequestParam String courriel,
      @RequestParam String role,
      @RequestAttribute("currentUser") CurrentUser user,
      RedirectAttributes redirect) {
    try {
      Person person = accounts.addPerson(id, prenom, nom, courriel, role, user.userId());
      invitations.invite(person);
      redirect.addFlashAttribute(
          "message", person.fullName() + " a un compte (" + person.userId() + ") et reçoit un lien pour choisir son mot de passe.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("erreur", e.getMessage());
    }
    return "redirect:/organisations/" + id;
  }

  @PostMapping("/organisations/{id}/assurance")
  String insurance(
      @PathVariable long id,
      @RequestParam String assureur,
      @RequestParam String police,
      @RequestParam String du,
      @RequestParam String au,
      @RequestAttribute("currentUser") CurrentUser user,
      RedirectAttributes redirect) {
    try {
      Insurance insurance = Insurance.fromSubmitted(assureur, police, du, au);
      organisations.setInsurance(id, insurance);
      audit.record(user.userId(), "Attestation d'assurance enregistrée",
          insurance.insurer() + " n° " + insurance.policyNumber(), id, du + " → " + au);
      redirect.addFlashAttribute("message", "L'attestation d'assurance est enregistrée.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("erreur", e.getMessage());
    }
    return "redirect:/organisations/" + id;
  }

  @PostMapping("/organisations/{id}/personnes/{personId}/desactivation")
  String deactivate(
      @PathVariable long id,
      @PathVariable long personId,
      @RequestAttribute("currentUser") CurrentUser user,
      RedirectAttributes redirect) {
    Person person = accounts.person(personId);
    if (person.organisationId() != id) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    accounts.deactivate(personId, user.userId());
    redirect.addFlashAttribute("message", "Le compte de " + person.fullName() + " est désactivé.");
    return "redirect:/organisations/" + id;
  }

  @GetMapping("/audit")
  String audit(Model model) {
    model.addAttribute("entries", audit.latest(null, 200));
    return "staff/audit";
  }
}
