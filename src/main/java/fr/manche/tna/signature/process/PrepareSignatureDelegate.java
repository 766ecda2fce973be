package fr.manche.tna.signature.process;


import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.security.InstanceGrants;
import fr.manche.tna.platform.web.TasklistLinks;
import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.SignatureService;
import fr.manche.tna.signature.Signing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Archives the draft, gives the member's signatory an account if needed, and lets the organisation's group
 * read this signature (its own task and the document).
 */
@Component("prepareSignature")
class PrepareSignatureDelegate implements JavaDelegate {

  private final SignatureService signatures;
  private final TasklistLinks links;

  PrepareSignatureDelegate(SignatureService signatures, TasklistLinks links) {
    this.signatures = signatures;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DocumentType type = DocumentSignatureProcess.documentType(execution);
    long documentId = DocumentSignatureProcess.documentId(execution);
    SignatureService.Prepared prepared =
        signatures.prepare(type, documentId, Actor.of(execution));
    Signing signing = signatures.signing(type, documentId);
    DocumentSignatureProcess.MEMBER_SIGNATORY_USER_ID.set(execution, prepared.memberSignatoryUserId());
    DocumentSignatureProcess.DEPARTMENT_SIGNATORY_GROUP.set(execution, prepared.departmentGroupId());
    DocumentSignatureProcess.MEMBER_SIGNS.set(execution, prepared.memberSigns());
    DocumentSignatureProcess.DEPARTMENT_SIGNS.set(execution, prepared.departmentSigns());
    CommonVariables.MEMBER_GROUP_ID.set(execution, prepared.memberGroupId());
    CommonVariables.ORGANISATION_ID.set(execution, signing.organisationId());
    DocumentSignatureProcess.DOCUMENT_TITLE.set(execution, signing.title());
    DocumentSignatureProcess.DOCUMENT_LINK.set(execution, links.document(type.name(), documentId));
    InstanceGrants.letGroupRead(execution, prepared.memberGroupId());
  }
}
