package fr.manche.tna.signature.process;

import fr.manche.tna.membership.Directory;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.Notification;
import fr.manche.tna.platform.web.TasklistLinks;
import fr.manche.tna.signature.ArchivedDocument;
import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.SignatureRefusal;
import fr.manche.tna.signature.SignatureService;
import fr.manche.tna.signature.Signing;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The mails of a signature: the document to sign, and a refusal to sign. */
@Component
class SignatureMails {

  private final SignatureService signatures;
  private final Directory directory;
  private final TasklistLinks links;

  SignatureMails(SignatureService signatures, Directory directory, TasklistLinks links) {
    this.signatures = signatures;
    this.directory = directory;
    this.links = links;
  }

  /** To the member's signatory and the département's signatories: the draft, attached, and how to sign. */
  Notification toSign(DocumentType type, long documentId, String signatureInstanceId) {
    Signing signing = signatures.signing(type, documentId);
    ArchivedDocument draft = signatures.archived(type, documentId, ArchivedDocument.DRAFT).orElseThrow();
    return Message.of(
            signatories(signing),
            "À signer : " + signing.title(),
            signing.organisationName(),
            signing.title(),
            links.openTaskOf(signatureInstanceId),
            "Signer dans la liste des tâches",
            "Bonjour,",
            "Le document « " + signing.title() + " » est prêt à être signé ; vous le trouverez en pièce jointe (PDF).",
            "Signataire pour l'organisation : " + signing.memberSignatoryName() + ", " + signing.memberSignatoryRole()
                + ". Pour le Département : un ou une signataire du Département.",
            "Chaque partie signe dans la liste des tâches, dans l'ordre qui lui convient : ouvrez le lien ci-dessous, "
                + "connectez-vous, puis validez la tâche « Signer pour l'organisation » (ou « Signer pour le Département ») "
                + "avec votre nom et votre qualité. Si vous n'avez pas encore de compte, un autre courriel vous donne votre "
                + "identifiant et un lien pour choisir votre mot de passe.",
            "Le document prend effet selon ses propres termes une fois signé des deux parties ; chacun recevra alors l'exemplaire signé.")
        .with(new Notification.Attachment(draft.fileName(), "application/pdf", draft.content()));
  }

  /** To both signatories and the network referents: a party refused to sign, and why. */
  Notification refused(DocumentType type, long documentId) {
    Signing signing = signatures.signing(type, documentId);
    SignatureRefusal refusal = signatures.refusal(type, documentId).orElseThrow();
    List<String> recipients = signatories(signing);
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
  }

  private List<String> signatories(Signing signing) {
    List<String> recipients = new ArrayList<>(List.of(signing.memberSignatoryEmail()));
    recipients.addAll(directory.emailsOf(StaffGroup.SIGNATORIES));
    return recipients;
  }
}
