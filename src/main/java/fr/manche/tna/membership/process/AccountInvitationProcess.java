package fr.manche.tna.membership.process;

import fr.manche.tna.platform.process.ProcessVariable;

/** The process {@code AccountInvitation}: a new account's owner receives a link to set their password. */
public final class AccountInvitationProcess {

  public static final String KEY = "AccountInvitation";
  /** The person whose account was created. */
  public static final ProcessVariable<Long> PERSON_ID = ProcessVariable.ofLong("personId");
  public static final String SEND_INVITATION = "ServiceTask_SendInvitation";

  private AccountInvitationProcess() {}
}
