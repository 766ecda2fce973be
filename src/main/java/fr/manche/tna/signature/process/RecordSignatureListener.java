package fr.manche.tna.signature.process;


import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.Party;
import fr.manche.tna.signature.SignatureService;
import fr.manche.tna.signature.process.DocumentSignatureProcess.SignForm;
import fr.manche.tna.platform.process.ProcessVariable;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records a signature when a signatory completes their task: the confirmation, name and capacity are
 * checked on the server (bad input keeps the task open with a French message), the date is today in Paris.
 * A signatory may instead refuse to sign, with a reason: the signature then stops for both parties.
 * Only the named signatory signs for the member. The form's values are then removed from the process, so
 * that the other party's form opens empty.
 */
@Component("recordSignature")
class RecordSignatureListener implements TaskListener {

  private final SignatureService signatures;

  RecordSignatureListener(SignatureService signatures) {
    this.signatures = signatures;
  }

  @Override
  public void notify(DelegateTask task) {
    Party party =
        DocumentSignatureProcess.SIGN_AS_MEMBER.equals(task.getTaskDefinitionKey()) ? Party.MEMBRE : Party.DEPARTEMENT;
    String signer = Actor.of(task);
    if (signer == null) {
      throw new InvalidInputException("Prenez la tâche avant de signer.");
    }
    DocumentType type = DocumentSignatureProcess.documentType(task);
    long documentId = DocumentSignatureProcess.documentId(task);
    boolean refused = SignForm.REFUSE.equals(SignForm.DECISION.getOrNull(task));
    if (refused) {
      signatures.refuse(type, documentId, party, signer, SignForm.SIGNER_NAME.getOrNull(task),
          SignForm.REFUSAL_REASON.getOrNull(task));
    } else {
      signatures.sign(type, documentId, party, signer, SignForm.CONFIRMED.getOrNull(task),
          SignForm.SIGNER_NAME.getOrNull(task), SignForm.SIGNER_ROLE.getOrNull(task));
    }
    // Read by the gateway after the task: signed, or refused (the signature stops).
    (party == Party.MEMBRE ? DocumentSignatureProcess.MEMBER_SIGNED : DocumentSignatureProcess.DEPARTMENT_SIGNED)
        .set(task.getExecution().getProcessInstance(), !refused);
    task.getExecution().getProcessInstance().removeVariables(Stream.of(SignForm.CONFIRMED, SignForm.SIGNER_NAME, SignForm.SIGNER_ROLE,
        SignForm.DECISION, SignForm.REFUSAL_REASON).map(ProcessVariable::name).toList());
  }
}
