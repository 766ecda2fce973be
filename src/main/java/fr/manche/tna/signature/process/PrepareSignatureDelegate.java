package fr.manche.tna.signature.process;


import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.security.InstanceGrants;
import fr.manche.tna.membership.MemberInstanceAccess;
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
        signatures.prepare(type, documentId, CurrentUser.inEngine(execution.getProcessEngineServices()));
    Signing signing = signatures.signing(type, documentId);
    execution.setVariable(DocumentSignatureProcess.MEMBER_SIGNATORY_USER_ID, prepared.memberSignatoryUserId());
    execution.setVariable(DocumentSignatureProcess.DEPARTMENT_SIGNATORY_GROUP, prepared.departmentGroupId());
    execution.setVariable(DocumentSignatureProcess.MEMBER_SIGNS, prepared.memberSigns());
    execution.setVariable(DocumentSignatureProcess.DEPARTMENT_SIGNS, prepared.departmentSigns());
    execution.setVariable(MemberInstanceAccess.MEMBER_GROUP_ID, prepared.memberGroupId());
    execution.setVariable(MemberInstanceAccess.ORGANISATION_ID, signing.organisationId());
    execution.setVariable(DocumentSignatureProcess.DOCUMENT_TITLE, signing.title());
    execution.setVariable(DocumentSignatureProcess.DOCUMENT_LINK, links.document(type.name(), documentId));
    InstanceGrants.letGroupRead(execution, prepared.memberGroupId());
  }
}
