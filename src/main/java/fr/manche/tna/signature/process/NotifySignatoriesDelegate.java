package fr.manche.tna.signature.process;

import static fr.manche.tna.signature.process.DocumentSignatureProcess.DOCUMENT_ID;
import static fr.manche.tna.signature.process.DocumentSignatureProcess.DOCUMENT_TYPE;

import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.StaffGroup;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.Notification;
import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import fr.manche.tna.platform.web.TasklistLinks;
import fr.manche.tna.signature.ArchivedDocument;
import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.SignatureService;
import fr.manche.tna.signature.Signing;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the document to sign, as a PDF, to the member's signatory and the département's signatories. */
@Component("notifySignatories")
class NotifySignatoriesDelegate implements JavaDelegate {

  private final SignatureService signatures;
  private final Directory directory;
  private final NotificationService notifications;
  private final TasklistLinks links;

  NotifySignatoriesDelegate(SignatureService signatures, Directory directory, NotificationService notifications, TasklistLinks links) {
    this.signatures = signatures;
    this.directory = directory;
    this.notifications = notifications;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DocumentType type = DocumentType.valueOf((String) execution.getVariable(DOCUMENT_TYPE));
    long documentId = ((Number) execution.getVariable(DOCUMENT_ID)).longValue();
    notifications.send(ProcessNotifications.eventKey(execution), () -> {
      Signing signing = signatures.signing(type, documentId);
      ArchivedDocument draft = signatures.archived(type, documentId, ArchivedDocument.DRAFT).orElseThrow();
      List<String> recipients = new ArrayList<>(List.of(signing.memberSignatoryEmail()));
      recipients.addAll(directory.emailsOf(StaffGroup.SIGNATORIES));
      return Message.of(
              recipients,
              "À signer : " + signing.title(),
              signing.organisationName(),
              signing.title(),
              links.openTaskOf(execution.getProcessInstanceId()),
              "Signer dans la liste des tâches",
              "Bonjour,",
              "Le document « " + signing.title() + " » est prêt à être signé ; vous le trouverez en pièce jointe (PDF).",
              "Signataire pour l'organisation : " + signing.memberSignatoryName() + ", " + signing.memberSignatoryRole()
                  + ". Pour le Département : un ou une signataire du Département.",
              "Chaque partie signe dans la liste des tâches, dans l'ordre qui lui convient : ouvrez le lien ci-dessous, "
                  + "connectez-vous, puis validez la tâche « Signer » avec votre nom et votre qualité. "
                  + "Si vous n'avez pas encore de mot de passe, vous avez reçu un courriel pour le choisir.",
              "Le document prend effet selon ses propres termes une fois signé des deux parties ; chacun recevra alors l'exemplaire signé.")
          .with(new Notification.Attachment(draft.fileName(), "application/pdf", draft.content()));
    });
  }
}
