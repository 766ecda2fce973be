package fr.manche.tna.membership.process;

/** The process {@code AccountInvitation}: a new account's owner receives a link to set their password. */
public final class AccountInvitationProcess {

  public static final String KEY = "AccountInvitation";
  /** The person whose account was created (Long). */
  public static final String PERSON_ID = "personId";
  public static final String SEND_INVITATION = "ServiceTask_SendInvitation";

  private AccountInvitationProcess() {}
}
