package fr.manche.tna.signature.process;

import fr.manche.tna.platform.process.ProcessVariable;
import fr.manche.tna.signature.DocumentType;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The called process {@code DocumentSignature} (bpmn/signature/DocumentSignature.bpmn): the parties sign a
 * document, in either order; its {@link fr.manche.tna.signature.SignableDocument} says which parties sign and
 * which staff group signs for the département. The caller passes {@link #DOCUMENT_TYPE} and
 * {@link #DOCUMENT_ID} and goes on when both have signed. Also sets
 * {@link fr.manche.tna.platform.process.CommonVariables#ORGANISATION_ID} and
 * {@link fr.manche.tna.platform.process.CommonVariables#MEMBER_GROUP_ID}.
 */
public final class DocumentSignatureProcess {

  public static final String KEY = "DocumentSignature";

  /** In: a {@link fr.manche.tna.signature.DocumentType}'s name, e.g. {@code CONVENTION}. */
  public static final ProcessVariable<String> DOCUMENT_TYPE = ProcessVariable.ofString("documentType");
  /** In: the document's id in its own table. */
  public static final ProcessVariable<Long> DOCUMENT_ID = ProcessVariable.ofLong("documentId");

  /** Set by the process. */
  public static final ProcessVariable<String> MEMBER_SIGNATORY_USER_ID = ProcessVariable.ofString("memberSignatoryUserId");
  /** The staff group whose task it is to sign for the département (the document type says which). */
  public static final ProcessVariable<String> DEPARTMENT_SIGNATORY_GROUP = ProcessVariable.ofString("departmentSignatoryGroup");
  /** Whether each party signs this kind of document (read by the gateway that opens the tasks). */
  public static final ProcessVariable<Boolean> MEMBER_SIGNS = ProcessVariable.ofBoolean("memberSigns");
  public static final ProcessVariable<Boolean> DEPARTMENT_SIGNS = ProcessVariable.ofBoolean("departmentSigns");
  public static final ProcessVariable<String> DOCUMENT_TITLE = ProcessVariable.ofString("documentTitle");
  public static final ProcessVariable<String> DOCUMENT_LINK = ProcessVariable.ofString("documentLink");
  /** Set when each party's task completes: signed (true) or refused (false). */
  public static final ProcessVariable<Boolean> MEMBER_SIGNED = ProcessVariable.ofBoolean("memberSigned");
  public static final ProcessVariable<Boolean> DEPARTMENT_SIGNED = ProcessVariable.ofBoolean("departmentSigned");
  /** The BPMN error the process ends with when a party refuses to sign; callers catch it on their call activity. */
  public static final String REFUSED_ERROR = "SignatureRefusee";

  /** Fields of the form {@code DocumentSignatureSign}. */
  public static final class SignForm {
    public static final ProcessVariable<String> SIGNER_NAME = ProcessVariable.ofString("signerName");
    public static final ProcessVariable<String> SIGNER_ROLE = ProcessVariable.ofString("signerRole");
    public static final ProcessVariable<Boolean> CONFIRMED = ProcessVariable.ofBoolean("signatureConfirmed");
    /** {@value #SIGN} (default) or {@value #REFUSE}. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.ofString("signatureDecision");
    public static final String SIGN = "signer";
    public static final String REFUSE = "refuser";
    public static final ProcessVariable<String> REFUSAL_REASON = ProcessVariable.ofString("refusalReason");

    private SignForm() {}
  }

  public static final String PREPARE = "ServiceTask_PrepareSignature";
  public static final String NOTIFY_SIGNATORIES = "ServiceTask_NotifySignatories";
  public static final String SIGN_AS_MEMBER = "UserTask_SignAsMember";
  public static final String SIGN_AS_DEPARTMENT = "UserTask_SignAsDepartment";
  public static final String NOTIFY_REFUSED = "ServiceTask_NotifySignatureRefused";

  public static DocumentType documentType(VariableScope variables) {
    return new DocumentType(DOCUMENT_TYPE.get(variables));
  }

  public static long documentId(VariableScope variables) {
    return DOCUMENT_ID.get(variables);
  }

  private DocumentSignatureProcess() {}
}
