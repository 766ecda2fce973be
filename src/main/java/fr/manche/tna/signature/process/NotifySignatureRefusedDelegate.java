package fr.manche.tna.signature.process;

import static fr.manche.tna.signature.process.DocumentSignatureProcess.DOCUMENT_ID;
import static fr.manche.tna.signature.process.DocumentSignatureProcess.DOCUMENT_TYPE;

import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.StaffGroup;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import fr.manche.tna.platform.web.TasklistLinks;
import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.SignatureRefusal;
import fr.manche.tna.signature.SignatureService;
import fr.manche.tna.signature.Signing;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells both signatories and the network referents that a party refused to sign, and why. */
@Component("notifySignatureRefused")
class NotifySignatureRefusedDelegate implements JavaDelegate {

  private final SignatureService signatures;
  private final Directory directory;
  private final NotificationService notifications;
  private final TasklistLinks links;

  NotifySignatureRefusedDelegate(SignatureService signatures, Directory directory, NotificationService notifications, TasklistLinks links) {
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
      SignatureRefusal refusal = signatures.refusal(type, documentId).orElseThrow();
      List<String> recipients = new ArrayList<>(List.of(signing.memberSignatoryEmail()));
      recipients.addAll(directory.emailsOf(StaffGroup.SIGNATORIES));
      recipients.addAll(directory.emailsOf(StaffGroup.NETWORK_REFERENTS));
      return Message.of(
          recipients,
          "Signature refusée : " + signing.title(),
          signing.organisationName(),
          signing.title(),
          links.memberConventions(),
          "Voir la convention et ses échéances",
          "Bonjour,",
          refusal.signerName() + " a refusé de signer le document « " + signing.title() + " » " + refusal.party().label() + ".",
          "Motif : " + refusal.reason(),
          "Le document n'est donc pas signé et ne prend pas effet. Le référent du réseau reprendra contact avec vous pour la suite.");
    });
  }
}
