package fr.manche.tna.signature.process;

import fr.manche.tna.signature.DocumentType;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The called process {@code DocumentSignature} (bpmn/signature/DocumentSignature.bpmn): the parties sign a
 * document, in either order; its {@link fr.manche.tna.signature.SignableDocument} says which parties sign and
 * which staff group signs for the département. The caller passes {@value #DOCUMENT_TYPE} and
 * {@value #DOCUMENT_ID} and goes on when both have signed.
 */
public final class DocumentSignatureProcess {

  public static final String KEY = "DocumentSignature";

  /** In: a {@link fr.manche.tna.signature.DocumentType}'s name, e.g. {@code CONVENTION}. */
  public static final String DOCUMENT_TYPE = "documentType";
  /** In: the document's id in its own table (Long). */
  public static final String DOCUMENT_ID = "documentId";

  /** Set by the process. */
  public static final String MEMBER_SIGNATORY_USER_ID = "memberSignatoryUserId";
  /** The staff group whose task it is to sign for the département (the document type says which). */
  public static final String DEPARTMENT_SIGNATORY_GROUP = "departmentSignatoryGroup";
  /** Whether each party signs this kind of document (Boolean; read by the gateway that opens the tasks). */
  public static final String MEMBER_SIGNS = "memberSigns";
  public static final String DEPARTMENT_SIGNS = "departmentSigns";
  public static final String DOCUMENT_TITLE = "documentTitle";
  public static final String DOCUMENT_LINK = "documentLink";
  /** Set when each party's task completes: signed (true) or refused (false). */
  public static final String MEMBER_SIGNED = "memberSigned";
  public static final String DEPARTMENT_SIGNED = "departmentSigned";
  /** The BPMN error the process ends with when a party refuses to sign; callers catch it on their call activity. */
  public static final String REFUSED_ERROR = "SignatureRefusee";

  /** Fields of the form {@code DocumentSignatureSign}. */
  public static final class SignForm {
    public static final String SIGNER_NAME = "signerName";
    public static final String SIGNER_ROLE = "signerRole";
    public static final String CONFIRMED = "signatureConfirmed";
    /** {@value #SIGN} (default) or {@value #REFUSE}. */
    public static final String DECISION = "signatureDecision";
    public static final String SIGN = "signer";
    public static final String REFUSE = "refuser";
    public static final String REFUSAL_REASON = "refusalReason";

    private SignForm() {}
  }

  public static final String PREPARE = "ServiceTask_PrepareSignature";
  public static final String NOTIFY_SIGNATORIES = "ServiceTask_NotifySignatories";
  public static final String SIGN_AS_MEMBER = "UserTask_SignAsMember";
  public static final String SIGN_AS_DEPARTMENT = "UserTask_SignAsDepartment";
  public static final String NOTIFY_REFUSED = "ServiceTask_NotifySignatureRefused";

  public static DocumentType documentType(VariableScope variables) {
    return new DocumentType((String) variables.getVariable(DOCUMENT_TYPE));
  }

  public static long documentId(VariableScope variables) {
    return ((Number) variables.getVariable(DOCUMENT_ID)).longValue();
  }

  private DocumentSignatureProcess() {}
}
