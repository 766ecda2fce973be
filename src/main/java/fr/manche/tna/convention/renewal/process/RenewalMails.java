package fr.manche.tna.convention.renewal.process;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.renewal.Renewal;
import fr.manche.tna.convention.renewal.RenewalService;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of a renewal (R03, asynchronous tasks): the proposal to the member, its outcome to the network
 * referents. The texts are the templates {@code templates/mail/renewal-*.html}.
 */
@Configuration
class RenewalMails {

  /**
   * The renewal and the convention it renews: what every mail of the process tells.
   *
   * @param successor the renewed convention, once accepted, or null
   * @param answeredBy the name of the member's person who answered, or null
   */
  record Facts(Renewal renewal, Convention convention, Organisation organisation, Convention successor, String answeredBy) {}

  private final RenewalService renewals;
  private final ConventionLifecycle lifecycle;
  private final AccountService accounts;
  private final Directory directory;

  RenewalMails(RenewalService renewals, ConventionLifecycle lifecycle, AccountService accounts, Directory directory) {
    this.renewals = renewals;
    this.lifecycle = lifecycle;
    this.accounts = accounts;
    this.directory = directory;
  }

  /** To the member's contact and signatory: the proposal, with a link to their answer task. */
  @Bean("notifyRenewalProposed")
  JavaDelegate notifyRenewalProposed(ProcessMails mails) {
    return mails.sending(execution -> {
      Facts facts = facts(renewalId(execution));
      return Mail.of("renewal-proposed").to(facts.convention().memberEmails(facts.organisation())).with(facts);
    });
  }

  /** To the network referents: the member accepted; the renewed convention goes to signature. */
  @Bean("notifyRenewalAccepted")
  JavaDelegate notifyRenewalAccepted(ProcessMails mails) {
    return mails.sending(execution ->
        Mail.of("renewal-accepted").to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS)).with(facts(renewalId(execution))));
  }

  /** To the network referents: the member declined; the convention ends at its last day. */
  @Bean("notifyRenewalDeclined")
  JavaDelegate notifyRenewalDeclined(ProcessMails mails) {
    return mails.sending(execution ->
        Mail.of("renewal-declined").to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS)).with(facts(renewalId(execution))));
  }

  /** To the network referents: no answer came before the end; the convention ended without renewal. */
  @Bean("notifyRenewalExpired")
  JavaDelegate notifyRenewalExpired(ProcessMails mails) {
    return mails.sending(execution ->
        Mail.of("renewal-expired").to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS)).with(facts(renewalId(execution))));
  }

  private Facts facts(long renewalId) {
    Renewal renewal = renewals.renewal(renewalId);
    Convention current = lifecycle.convention(renewal.conventionId());
    return new Facts(
        renewal,
        current,
        lifecycle.organisationOf(current),
        renewal.successorId() == null ? null : lifecycle.convention(renewal.successorId()),
        renewal.answeredBy() == null
            ? null
            : accounts.personOfUser(renewal.answeredBy()).map(Person::fullName).orElse(renewal.answeredBy()));
  }

  private static long renewalId(DelegateExecution execution) {
    return ConventionRenewalProcess.RENEWAL_ID.get(execution);
  }
}
