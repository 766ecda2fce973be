package fr.manche.tna.handover.process;

import fr.manche.tna.platform.process.ProcessVariable;

/**
 * The process {@code DamageCase} (bpmn/handover/DamageCase.bpmn), R15-R17, R19: a member's report of a failure, damage,
 * loss or theft (start form), or a difference found at a return (message {@code DamageFoundAtReturn}, variable
 * {@link #DAMAGE_CASE_ID}); the equipment managers assess it; the member is told.
 */
public final class DamageCaseProcess {

  public static final String KEY = "DamageCase";

  /** Set at the start: the case. */
  public static final ProcessVariable<Long> DAMAGE_CASE_ID = ProcessVariable.ofLong("damageCaseId");

  /** Fields of the member's start form. */
  public static final ProcessVariable<String> INVENTORY_NUMBER = ProcessVariable.ofString("inventoryNumber");
  public static final ProcessVariable<String> NATURE = ProcessVariable.ofString("nature");
  public static final ProcessVariable<String> OCCURRED_ON = ProcessVariable.ofString("occurredOn");
  public static final ProcessVariable<String> DESCRIPTION = ProcessVariable.ofString("description");

  /** Fields of the assessment form. */
  public static final ProcessVariable<String> SUMMARY = ProcessVariable.ofString("damageSummary");
  public static final ProcessVariable<String> ITEM_OUTCOME = ProcessVariable.ofString("itemOutcome");
  public static final ProcessVariable<String> REPAIR_UNTIL = ProcessVariable.ofString("repairUntil");
  public static final ProcessVariable<String> BORROWER_PAYS = ProcessVariable.ofString("borrowerPays");
  public static final ProcessVariable<String> AMOUNT = ProcessVariable.ofString("amount");
  public static final ProcessVariable<String> INSURANCE_CLAIM = ProcessVariable.ofString("insuranceClaim");
  public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.ofString("decisionReason");

  public static final String ASSESS_TASK = "UserTask_AssessDamage";

  private DamageCaseProcess() {}
}
