package fr.manche.tna.loan;

import fr.manche.tna.platform.process.ProcessVariable;

/** The variable the process {@code LoanExtension} is started with (by {@link LoanLifecycle}). */
public final class LoanExtensionVariables {

  public static final ProcessVariable<Long> EXTENSION_ID = ProcessVariable.ofLong("loanExtensionId");

  private LoanExtensionVariables() {}
}
