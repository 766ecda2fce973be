package fr.manche.tna.signature.process;

import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import fr.manche.tna.signature.Party;
import fr.manche.tna.signature.SignatureService;
import fr.manche.tna.signature.Signing;
import fr.manche.tna.signature.process.DocumentSignatureProcess.SignForm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The signature tasks in Tasklist: the organisation and the document; the signatory's name and capacity are
 * filled in from what the application knows (the member's signatory named in the application or renewal; for
 * the département, the last person who signed for it, then, once someone takes the task, their account's name and
 * the capacity of their last signature). The
 * signatory checks them and may correct them: they are ordinary fields of the form.
 */
@Component
class SignatureTaskContexts implements TaskContexts {

  private final SignatureService signatures;

  SignatureTaskContexts(SignatureService signatures) {
    this.signatures = signatures;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(DocumentSignatureProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    Signing signing = signatures.signing(DocumentSignatureProcess.documentType(task), DocumentSignatureProcess.documentId(task));
    TaskContext context = TaskContext.of(signing.organisationName(), signing.title());
    Map<String, Object> known = new LinkedHashMap<>();
    if (DocumentSignatureProcess.SIGN_AS_MEMBER.equals(task.getTaskDefinitionKey())) {
      known.put(SignForm.SIGNER_NAME.name(), nonNull(signing.memberSignatoryName()));
      known.put(SignForm.SIGNER_ROLE.name(), nonNull(signing.memberSignatoryRole()));
    } else {
      SignatureService.Signatory signatory = signatures.knownSignatory(Party.DEPARTEMENT, task.getAssignee());
      known.put(SignForm.SIGNER_NAME.name(), signatory.name());
      known.put(SignForm.SIGNER_ROLE.name(), signatory.role());
    }
    return context.prefill(known);
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
