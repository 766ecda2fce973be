package fr.manche.tna.communication.process;

/**
 * The process {@code CommunicationRequest} (bpmn/communication/CommunicationRequest.bpmn), R21: a member asks
 * the département's agreement before promoting the cooperation; the network referent agrees, asks for
 * changes (the member amends and the request comes back) or refuses.
 */
public final class CommunicationRequestProcess {

  public static final String KEY = "CommunicationRequest";

  /** Variables of the start and amendment forms (strings). */
  public static final String SUBJECT = "subject";
  public static final String CONTENT = "content";
  public static final String MEDIA = "media";
  public static final String PARTNERS = "partners";
  public static final String PLANNED_ON = "plannedOn";

  /** Variables of the review form. */
  public static final String DECISION = "decision";
  public static final String DECISION_COMMENT = "decisionComment";

  /** Set by the process. */
  public static final String REQUEST_ID = "requestId";
  public static final String REVIEWER = "reviewer";
  public static final String CHANGES_REQUESTED = "changesRequested";

  public static final String REVIEW_TASK = "UserTask_ReviewRequest";
  public static final String AMEND_TASK = "UserTask_AmendRequest";
  public static final String NOTIFY_REFERENTS = "ServiceTask_NotifyReferents";
  public static final String NOTIFY_MEMBER = "ServiceTask_NotifyMember";

  private CommunicationRequestProcess() {}
}
