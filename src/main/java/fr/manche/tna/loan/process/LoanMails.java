package fr.manche.tna.loan.process;

import static fr.manche.tna.loan.process.LoanRequestProcess.LOAN_REQUEST_ID;

import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of the loan request (asynchronous tasks): the decision to the member who asked (the organisation's
 * contact if they have left); the texts are the templates {@code templates/mail/loan-request-*.html}.
 */
@Configuration
class LoanMails {

  /** The request and its organisation: what every mail of the process tells. */
  record Facts(LoanRequest loan, Organisation organisation) {}

  @Bean("notifyLoanApproved")
  JavaDelegate notifyLoanApproved(
      ProcessMails mails, LoanRequestService service, OrganisationRepository organisations, AccountService accounts) {
    return mails.sending(execution -> toMember("loan-request-approved", facts(service, organisations, execution), accounts));
  }

  @Bean("notifyLoanRefused")
  JavaDelegate notifyLoanRefused(
      ProcessMails mails, LoanRequestService service, OrganisationRepository organisations, AccountService accounts) {
    return mails.sending(execution -> toMember("loan-request-refused", facts(service, organisations, execution), accounts));
  }

  /**
   * To whoever examines the request, as soon as it is filed, so that no request waits unseen: the equipment
   * managers, or the network referents beyond 30 days (R10), with the link to the task.
   */
  @Bean("notifyLoanReviewers")
  JavaDelegate notifyLoanReviewers(
      ProcessMails mails, LoanRequestService service, OrganisationRepository organisations, Directory directory) {
    return mails.sending(execution -> {
      Facts facts = facts(service, organisations, execution);
      StaffGroup reviewers = facts.loan().longLoan() ? StaffGroup.NETWORK_REFERENTS : StaffGroup.EQUIPMENT_MANAGERS;
      return Mail.of("loan-request-to-review").to(directory.emailsOf(reviewers)).with(facts)
          .with("processInstanceId", execution.getProcessInstanceId());
    });
  }

  private static Mail toMember(String template, Facts facts, AccountService accounts) {
    return Mail.of(template)
        .to(accounts.personOfUser(facts.loan().requestedBy()).map(person -> person.email())
            .orElse(facts.organisation().contactEmail()))
        .with(facts);
  }

  private static Facts facts(LoanRequestService service, OrganisationRepository organisations, DelegateExecution execution) {
    LoanRequest loan = service.find(LOAN_REQUEST_ID.get(execution));
    return new Facts(loan, organisations.findById(loan.organisationId()).orElseThrow());
  }
}
