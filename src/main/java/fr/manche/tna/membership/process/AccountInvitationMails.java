package fr.manche.tna.membership.process;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.PasswordTokens;
import fr.manche.tna.membership.Person;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail of {@code AccountInvitation} (template {@code templates/mail/account-invitation.html}). */
@Configuration
class AccountInvitationMails {

  /**
   * Mails the new account's owner a one-time link to set their password: the link is issued only when the
   * mail is really sent, so a retry after it went issues none.
   */
  @Bean("notifyAccountInvitation")
  JavaDelegate notifyAccountInvitation(
      ProcessMails mails, AccountService accounts, OrganisationRepository organisations, PasswordTokens tokens) {
    return mails.sending(execution -> {
      Person person = accounts.person(personId(execution));
      return Mail.of("account-invitation")
          .to(person.email())
          .with("person", person)
          .with("organisation", organisations.findById(person.organisationId()).orElseThrow())
          .with("validityHours", PasswordTokens.VALIDITY.toHours())
          .with("passwordSecret", tokens.issue(person.userId()));
    });
  }

  private static long personId(DelegateExecution execution) {
    return AccountInvitationProcess.PERSON_ID.get(execution);
  }
}
