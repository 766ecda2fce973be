package fr.manche.tna.loan.process;

import static fr.manche.tna.loan.process.LoanRequestProcess.FIRST_DAY_REMINDED;
import static fr.manche.tna.loan.process.LoanRequestProcess.LOAN_REQUEST_ID;

import fr.manche.tna.loan.LoanExtension;
import fr.manche.tna.loan.LoanExtensionVariables;
import fr.manche.tna.loan.LoanLifecycle;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.platform.time.ParisTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of the loan (asynchronous tasks), one template each, {@code templates/mail/loan-*.html}: to the member
 * who asked (the organisation's contact if they have left), or to the staff who examine. A reminder that no longer
 * applies (the loan already begun, the first-day reminder already sent before an extension) is not sent.
 */
@Configuration
class LoanMails {

  /** The request and its organisation: what every mail of the loan tells. */
  record Facts(LoanRequest loan, Organisation organisation) {}

  private final ProcessMails mails;
  private final LoanRequestService requests;
  private final LoanLifecycle lifecycle;
  private final OrganisationRepository organisations;
  private final AccountService accounts;
  private final Directory directory;

  LoanMails(ProcessMails mails, LoanRequestService requests, LoanLifecycle lifecycle,
      OrganisationRepository organisations, AccountService accounts, Directory directory) {
    this.mails = mails;
    this.requests = requests;
    this.lifecycle = lifecycle;
    this.organisations = organisations;
    this.accounts = accounts;
    this.directory = directory;
  }

  @Bean("notifyLoanApproved")
  JavaDelegate notifyLoanApproved() {
    return toMember("loan-request-approved");
  }

  @Bean("notifyLoanRefused")
  JavaDelegate notifyLoanRefused() {
    return toMember("loan-request-refused");
  }

  /** The examiner offers other dates or items: the member chooses again in Tasklist. */
  @Bean("notifyLoanProposal")
  JavaDelegate notifyLoanProposal() {
    return mails.sending(execution -> member("loan-proposal", facts(execution))
        .with("processInstanceId", execution.getProcessInstanceId()));
  }

  /** R11: the département needs the item itself; the refusal says so, with the next free dates. */
  @Bean("notifyLoanPreempted")
  JavaDelegate notifyLoanPreempted() {
    return toMember("loan-preempted");
  }

  /** The member cancelled: confirmed to them, told to the equipment managers (the items are free again). */
  @Bean("notifyLoanCancelled")
  JavaDelegate notifyLoanCancelled() {
    return mails.sending(execution -> member("loan-cancelled", facts(execution))
        .to(directory.emailsOf(StaffGroup.EQUIPMENT_MANAGERS)));
  }

  @Bean("notifyLoanExtended")
  JavaDelegate notifyLoanExtended() {
    return toMember("loan-extended");
  }

  /** Two days before the first day; not when the loan was approved since (the approval said it all). */
  @Bean("remindLoanFirstDay")
  JavaDelegate remindLoanFirstDay() {
    JavaDelegate send = toMember("loan-first-day-reminder");
    return execution -> {
      LoanRequest loan = requests.find(LOAN_REQUEST_ID.get(execution));
      boolean reminded = Boolean.TRUE.equals(FIRST_DAY_REMINDED.getOrNull(execution));
      if (loan.status() == LoanRequestStatus.APPROUVEE && !reminded && ParisTime.today().isBefore(loan.firstDay())
          && approvedBeforeYesterday(loan)) {
        send.execute(execution);
      }
      FIRST_DAY_REMINDED.set(execution, true);
    };
  }

  @Bean("remindLoanLastDay")
  JavaDelegate remindLoanLastDay() {
    return toMember("loan-last-day-reminder");
  }

  @Bean("remindLoanOverdue")
  JavaDelegate remindLoanOverdue() {
    return toMember("loan-overdue");
  }

  /**
   * To whoever examines the request, as soon as the member has chosen, so that no request waits unseen: the
   * equipment managers, or the network referents beyond 30 days (R10), with the link to the task.
   */
  @Bean("notifyLoanReviewers")
  JavaDelegate notifyLoanReviewers() {
    return mails.sending(execution -> {
      Facts facts = facts(execution);
      StaffGroup reviewers = facts.loan().longLoan() ? StaffGroup.NETWORK_REFERENTS : StaffGroup.EQUIPMENT_MANAGERS;
      return Mail.of("loan-request-to-review").to(directory.emailsOf(reviewers)).with(facts)
          .with("processInstanceId", execution.getProcessInstanceId());
    });
  }

  /** An extension beyond 30 days in all: the network referents examine it (R10). */
  @Bean("notifyLoanExtensionReviewers")
  JavaDelegate notifyLoanExtensionReviewers() {
    return mails.sending(execution -> {
      LoanExtension extension = extension(execution);
      return Mail.of("loan-extension-to-review").to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS))
          .with(facts(extension.loanRequestId())).with("extension", extension)
          .with("processInstanceId", execution.getProcessInstanceId());
    });
  }

  @Bean("notifyLoanExtensionRefused")
  JavaDelegate notifyLoanExtensionRefused() {
    return mails.sending(execution -> {
      LoanExtension extension = extension(execution);
      return member("loan-extension-refused", facts(extension.loanRequestId())).with("extension", extension);
    });
  }

  private JavaDelegate toMember(String template) {
    return mails.sending(execution -> member(template, facts(execution)));
  }

  private Mail member(String template, Facts facts) {
    return Mail.of(template)
        .to(accounts.personOfUser(facts.loan().requestedBy()).map(person -> person.email())
            .orElse(facts.organisation().contactEmail()))
        .with(facts);
  }

  private Facts facts(DelegateExecution execution) {
    return facts(LOAN_REQUEST_ID.get(execution));
  }

  private Facts facts(long requestId) {
    LoanRequest loan = requests.find(requestId);
    return new Facts(loan, organisations.findById(loan.organisationId()).orElseThrow());
  }

  private LoanExtension extension(DelegateExecution execution) {
    return lifecycle.extension(LoanExtensionVariables.EXTENSION_ID.get(execution));
  }

  private boolean approvedBeforeYesterday(LoanRequest loan) {
    return loan.decidedAt() == null || loan.decidedAt().isBefore(ParisTime.now().minusDays(1).toOffsetDateTime());
  }
}
