package fr.manche.tna.requests;

import fr.manche.tna.platform.process.ProcessVariable;

/**
 * The process {@code RequestAcknowledgement}: the person of a member who started a request receives the
 * confirmation that it was received and where to follow it. Started by {@link MemberRequestStarts}.
 */
public final class RequestAcknowledgementProcess {

  public static final String KEY = "RequestAcknowledgement";
  /** The process instance the member started; also the business key. */
  public static final ProcessVariable<String> REQUEST_INSTANCE_ID = ProcessVariable.ofString("requestInstanceId");
  /** Login of the person who started it. */
  public static final ProcessVariable<String> REQUESTER = ProcessVariable.ofString("requesterUserId");
  public static final String NOTIFY_REQUESTER = "ServiceTask_NotifyRequester";

  private RequestAcknowledgementProcess() {}
}
