package fr.manche.tna.signature.process;

import static fr.manche.tna.signature.process.DocumentSignatureProcess.documentId;
import static fr.manche.tna.signature.process.DocumentSignatureProcess.documentType;

import fr.manche.tna.membership.Directory;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import fr.manche.tna.signature.ArchivedDocument;
import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.SignatureService;
import fr.manche.tna.signature.Party;
import fr.manche.tna.signature.Signing;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of the process {@code DocumentSignature} (asynchronous tasks): the document to sign, and a refusal
 * to sign. The texts are the templates {@code templates/mail/signature-*.html}.
 */
@Configuration
class SignatureMails {

  private final SignatureService signatures;
  private final Directory directory;

  SignatureMails(SignatureService signatures, Directory directory) {
    this.signatures = signatures;
    this.directory = directory;
  }

  /** To those who sign (the member's signatory, the département's group): the draft, attached, and how to sign. */
  @Bean("notifySignatories")
  JavaDelegate notifySignatories(ProcessMails mails) {
    return mails.sending(execution -> {
      DocumentType type = documentType(execution);
      long documentId = documentId(execution);
      Signing signing = signatures.signing(type, documentId);
      ArchivedDocument draft = signatures.archived(type, documentId, ArchivedDocument.DRAFT).orElseThrow();
      return Mail.of("signature-requested")
          .to(signatories(type, signing))
          .with("signing", signing)
          .with("signatureInstanceId", execution.getProcessInstanceId())
          .attach(Mail.Attachment.pdf(draft.fileName(), draft.content()));
    });
  }

  /** To both signatories and the network referents: a party refused to sign, and why. */
  @Bean("notifySignatureRefused")
  JavaDelegate notifySignatureRefused(ProcessMails mails) {
    return mails.sending(execution -> {
      DocumentType type = documentType(execution);
      long documentId = documentId(execution);
      Signing signing = signatures.signing(type, documentId);
      return Mail.of("signature-refused")
          .to(signatories(type, signing)).to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS))
          .with("signing", signing)
          .with("refusal", signatures.refusal(type, documentId).orElseThrow());
    });
  }

  /** The member's signatory and the département's signing group, as far as each signs this kind of document. */
  private List<String> signatories(DocumentType type, Signing signing) {
    List<String> recipients = new ArrayList<>();
    if (signatures.parties(type).contains(Party.MEMBRE)) {
      recipients.add(signing.memberSignatoryEmail());
    }
    if (signatures.parties(type).contains(Party.DEPARTEMENT)) {
      recipients.addAll(directory.emailsOf(signatures.departmentSignatories(type)));
    }
    return recipients;
  }
}
