package fr.manche.tna.membership.process;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.PasswordTokens;
import fr.manche.tna.membership.Person;
import fr.manche.tna.notification.Notification;
import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import fr.manche.tna.platform.web.TasklistLinks;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the new account's owner a one-time link to set their password (a fresh link at each real send). */
@Component("notifyAccountInvitation")
class SendInvitationDelegate implements JavaDelegate {

  private final AccountService accounts;
  private final OrganisationRepository organisations;
  private final PasswordTokens tokens;
  private final NotificationService notifications;
  private final TasklistLinks links;

  SendInvitationDelegate(
      AccountService accounts,
      OrganisationRepository organisations,
      PasswordTokens tokens,
      NotificationService notifications,
      TasklistLinks links) {
    this.accounts = accounts;
    this.organisations = organisations;
    this.tokens = tokens;
    this.notifications = notifications;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Person person = accounts.person(AccountInvitationProcess.PERSON_ID.get(execution));
    Organisation organisation = organisations.findById(person.organisationId()).orElseThrow();
    notifications.send(
        ProcessNotifications.eventKey(execution),
        () ->
            new Notification(
                "account-invitation",
                List.of(person.email()),
                "Créez votre mot de passe : réseau des territoires numériques apprenants",
                organisation.name(),
                "Votre compte sur la plateforme du réseau",
                links.setPassword(tokens.issue(person.userId())),
                Map.of(
                    "firstName", person.firstName(),
                    "userId", person.userId(),
                    "validityHours", PasswordTokens.VALIDITY.toHours(),
                    "tasklist", links.tasklist(),
                    "linkLabel", "Choisir mon mot de passe"),
                null));
  }
}
