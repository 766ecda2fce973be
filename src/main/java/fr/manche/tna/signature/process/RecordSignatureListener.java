package fr.manche.tna.signature.process;


import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.Party;
import fr.manche.tna.signature.SignatureService;
import fr.manche.tna.signature.process.DocumentSignatureProcess.SignForm;
import java.util.List;
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
    String current = CurrentUser.inEngine(task.getProcessEngineServices());
    String signer = current != null ? current : task.getAssignee();
    if (signer == null) {
      throw new InvalidInputException("Prenez la tâche avant de signer.");
    }
    DocumentType type = DocumentSignatureProcess.documentType(task);
    long documentId = DocumentSignatureProcess.documentId(task);
    boolean refused = SignForm.REFUSE.equals(task.getVariable(SignForm.DECISION));
    if (refused) {
      signatures.refuse(type, documentId, party, signer, (String) task.getVariable(SignForm.SIGNER_NAME),
          (String) task.getVariable(SignForm.REFUSAL_REASON));
    } else {
      signatures.sign(type, documentId, party, signer, task.getVariable(SignForm.CONFIRMED),
          (String) task.getVariable(SignForm.SIGNER_NAME), (String) task.getVariable(SignForm.SIGNER_ROLE));
    }
    // Read by the gateway after the task: signed, or refused (the signature stops).
    task.getExecution().getProcessInstance()
        .setVariable(party == Party.MEMBRE ? DocumentSignatureProcess.MEMBER_SIGNED : DocumentSignatureProcess.DEPARTMENT_SIGNED, !refused);
    task.getExecution().getProcessInstance()
        .removeVariables(List.of(SignForm.CONFIRMED, SignForm.SIGNER_NAME, SignForm.SIGNER_ROLE, SignForm.DECISION, SignForm.REFUSAL_REASON));
  }
}
