package fr.manche.tna.handover.process;

import static fr.manche.tna.handover.process.DamageCaseProcess.DAMAGE_CASE_ID;

import fr.manche.tna.handover.DamageCase;
import fr.manche.tna.handover.DamageCases;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import fr.manche.tna.platform.security.StaffGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of a damage case, {@code templates/mail/damage-*.html}: the case to the equipment managers and to the
 * member (who is reminded not to repair anything, R16); the decision to the member (the cost borne, R15); the members
 * of the loans re-planned when the item was retired (R19).
 */
@Configuration
class DamageMails {

  record Facts(DamageCase damage, LoanRequest loan, Organisation organisation) {}

  private final ProcessMails mails;
  private final DamageCases cases;
  private final LoanRequestService loans;
  private final OrganisationRepository organisations;
  private final AccountService accounts;
  private final Directory directory;

  DamageMails(ProcessMails mails, DamageCases cases, LoanRequestService loans, OrganisationRepository organisations,
      AccountService accounts, Directory directory) {
    this.mails = mails;
    this.cases = cases;
    this.loans = loans;
    this.organisations = organisations;
    this.accounts = accounts;
    this.directory = directory;
  }

  @Bean("notifyDamageOpened")
  JavaDelegate notifyDamageOpened() {
    return mails.sendingEach(execution -> {
      Facts facts = facts(execution);
      return List.of(
          Mail.of("damage-to-assess").to(directory.emailsOf(StaffGroup.EQUIPMENT_MANAGERS)).with(facts)
              .with("processInstanceId", execution.getProcessInstanceId()),
          toMember("damage-opened", facts.loan(), facts.organisation()).with(facts));
    });
  }

  @Bean("notifyDamageDecided")
  JavaDelegate notifyDamageDecided() {
    return mails.sendingEachOnce(execution -> {
      Facts facts = facts(execution);
      Map<String, Mail> each = new LinkedHashMap<>();
      each.put("decision", toMember("damage-decided", facts.loan(), facts.organisation()).with(facts));
      String replanned = DamageSteps.REPLANNED.getOrNull(execution);
      if (replanned != null && !replanned.isBlank()) {
        for (String entry : replanned.split(";")) {
          String[] parts = entry.split("=", 2);
          LoanRequest other = loans.find(Long.parseLong(parts[0]));
          Organisation organisation = organisations.findById(other.organisationId()).orElseThrow();
          each.put("pret-" + other.id(), toMember("loan-item-retired", other, organisation)
              .with("loan", other).with("organisation", organisation).with("retired", facts.damage().itemNamed())
              .with("replacement", "-".equals(parts[1]) ? null : parts[1]));
        }
      }
      return each;
    });
  }

  private Mail toMember(String template, LoanRequest loan, Organisation organisation) {
    return Mail.of(template).to(accounts.personOfUser(loan.requestedBy()).map(person -> person.email())
        .orElse(organisation.contactEmail()));
  }

  private Facts facts(DelegateExecution execution) {
    DamageCase damage = cases.find(DAMAGE_CASE_ID.get(execution));
    LoanRequest loan = loans.find(damage.loanRequestId());
    return new Facts(damage, loan, organisations.findById(loan.organisationId()).orElseThrow());
  }
}
