package fr.manche.tna.requests;

/**
 * The process {@code RequestAcknowledgement}: the person of a member who started a request receives the
 * confirmation that it was received and where to follow it. Started by {@link MemberRequestStarts}.
 */
public final class RequestAcknowledgementProcess {

  public static final String KEY = "RequestAcknowledgement";
  /** The process instance the member started (String); also the business key. */
  public static final String REQUEST_INSTANCE_ID = "requestInstanceId";
  /** Login of the person who started it (String). */
  public static final String REQUESTER = "requesterUserId";
  public static final String NOTIFY_REQUESTER = "ServiceTask_NotifyRequester";

  private RequestAcknowledgementProcess() {}
}
