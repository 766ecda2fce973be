package fr.manche.tna.convention;

import fr.manche.tna.platform.process.ProcessVariable;

/**
 * The process variable every convention process shares (application, life, amendment, termination), declared
 * once; each process's other variables are in its own {@code *Process} class.
 */
public final class ConventionVariables {

  /** The convention an instance is about (the renewal's new one, for its life). */
  public static final ProcessVariable<Long> CONVENTION_ID = ProcessVariable.ofLong("conventionId");

  private ConventionVariables() {}
}
