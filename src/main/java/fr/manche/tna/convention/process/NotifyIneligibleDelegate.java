package fr.manche.tna.convention.process;

import fr.manche.tna.convention.process.ConventionApplicationProcess.StartForm;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.web.TasklistLinks;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R01: tells an organisation that cannot sign the convention why its application is refused (asynchronous
 * task). Nothing was registered: the mail is made from the application as filed.
 */
@Component("notifyIneligibleApplicant")
class NotifyIneligibleDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final TasklistLinks links;
  private final Directory directory;

  NotifyIneligibleDelegate(NotificationService notifications, TasklistLinks links, Directory directory) {
    this.notifications = notifications;
    this.links = links;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String name = StartForm.ORGANISATION_NAME.getOrNull(execution);
    String contactName = StartForm.CONTACT_NAME.get(execution);
    String reason = ConventionApplicationProcess.INELIGIBILITY_REASON.getOrNull(execution);
    // The contact has no account and will get none: the one thing to do is to write to the referent who filed it.
    String referent = CommonVariables.INITIATOR.getOrNull(execution);
    String referentEmail = directory.networkReferentEmail(referent);
    notifications.send(
        ProcessNotifications.eventKey(execution),
        Message.of(
            List.of(StartForm.CONTACT_EMAIL.get(execution).trim()),
            "Votre demande de convention ne peut pas être retenue : " + name,
            name,
            ConventionMails.REQUEST_SUBJECT,
            referentEmail == null ? links.memberConventions() : "mailto:" + referentEmail,
            referentEmail == null ? "Plateforme du réseau des territoires numériques apprenants" : "Écrire au référent du réseau",
            "Bonjour " + contactName.trim() + ",",
            "Le Département de la Manche a bien reçu la demande de convention de coopération de " + name + ".",
            "Motif du refus : " + reason,
            "Si la forme juridique indiquée est erronée, écrivez au référent du réseau, " + directory.networkReferentContact(referent)
                + " : il peut enregistrer une nouvelle demande."));
  }
}
