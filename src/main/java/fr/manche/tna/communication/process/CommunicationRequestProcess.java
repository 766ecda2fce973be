package fr.manche.tna.communication.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;

/**
 * The process {@code CommunicationRequest} (bpmn/communication/CommunicationRequest.bpmn), R21: a member asks
 * the département's agreement before promoting the cooperation; the network referent agrees, asks for
 * changes (the member amends and the request comes back) or refuses; once agreed, it starts the operation's report
 * ({@link JointReportProcess}, R22) and ends. Also uses
 * {@link CommonVariables#ORGANISATION_ID} and {@link CommonVariables#MEMBER_GROUP_ID} (set when a member starts
 * it) and {@link CommonVariables#REVIEWER}.
 */
public final class CommunicationRequestProcess {

  public static final String KEY = "CommunicationRequest";

  /** Fields of the start and amendment forms (checked on the server). */
  public static final ProcessVariable<String> SUBJECT = ProcessVariable.ofString("subject");
  public static final ProcessVariable<String> CONTENT = ProcessVariable.ofString("content");
  public static final ProcessVariable<String> MEDIA = ProcessVariable.ofString("media");
  public static final ProcessVariable<String> PARTNERS = ProcessVariable.ofString("partners");
  public static final ProcessVariable<String> PLANNED_ON = ProcessVariable.ofString("plannedOn");

  /** Fields of the review form (which also shows {@link CommonVariables#ORGANISATION_NAME}). */
  public static final ProcessVariable<String> DECISION = ProcessVariable.ofString("decision");
  public static final ProcessVariable<String> DECISION_COMMENT = ProcessVariable.ofString("decisionComment");

  /** Set by the process. */
  public static final ProcessVariable<Long> REQUEST_ID = ProcessVariable.ofLong("requestId");
  public static final ProcessVariable<Boolean> CHANGES_REQUESTED = ProcessVariable.ofBoolean("changesRequested");
  /** The referent agreed: the joint report follows the diffusion ({@link JointReportProcess}, R22). */
  public static final ProcessVariable<Boolean> AGREED = ProcessVariable.ofBoolean("agreed");

  public static final String REVIEW_TASK = "UserTask_ReviewRequest";
  public static final String AMEND_TASK = "UserTask_AmendRequest";
  public static final String NOTIFY_REFERENTS = "ServiceTask_NotifyReferents";
  public static final String NOTIFY_MEMBER = "ServiceTask_NotifyMember";
  public static final String START_JOINT_REPORT = "ServiceTask_StartJointReport";

  private CommunicationRequestProcess() {}
}
