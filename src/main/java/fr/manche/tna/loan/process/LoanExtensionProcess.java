package fr.manche.tna.loan.process;

import fr.manche.tna.loan.LoanExtensionVariables;
import fr.manche.tna.platform.process.ProcessVariable;

/**
 * The process {@code LoanExtension} (bpmn/loan/LoanExtension.bpmn), R10: the département examines an extension
 * that brings a loan beyond 30 days in all. Started by {@code LoanLifecycle} with
 * {@link LoanExtensionVariables#EXTENSION_ID} and the organisation's id.
 */
public final class LoanExtensionProcess {

  public static final String KEY = "LoanExtension";
  public static final String EXAMINE_TASK = "UserTask_ExamineExtension";

  /** Shown on the examination form (set when the task is created). */
  public static final ProcessVariable<String> NEW_LAST_DAY = ProcessVariable.ofString("extensionNewLastDay");
  public static final ProcessVariable<String> REASON = ProcessVariable.ofString("extensionReason");
  /** Fields of the examination form. */
  public static final ProcessVariable<String> DECISION = ProcessVariable.ofString("extensionDecision");
  public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.ofString("extensionDecisionReason");
  /** Set by the process. */
  public static final ProcessVariable<Boolean> GRANTED = ProcessVariable.ofBoolean("extensionGranted");

  private LoanExtensionProcess() {}
}
