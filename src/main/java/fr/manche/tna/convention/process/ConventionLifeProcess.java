package fr.manche.tna.convention.process;

import fr.manche.tna.platform.process.ProcessVariable;
import java.time.Instant;

/**
 * The process {@code Convention} (bpmn/convention/Convention.bpmn): one instance per accepted convention
 * (business key {@code convention-<id>}), from its signature to its end or termination. Started with
 * {@link fr.manche.tna.convention.ConventionVariables#CONVENTION_ID} and
 * {@link fr.manche.tna.platform.process.CommonVariables#ORGANISATION_ID}.
 */
public final class ConventionLifeProcess {

  public static final String KEY = "Convention";
  /** Correlated by the termination process (R07) to end a wholly terminated convention's life. */
  public static final String TERMINATED_MESSAGE = "ConventionTerminated";

  /** Set when the convention takes effect: the timers' dates. */
  public static final ProcessVariable<Instant> ENDS_AT = ProcessVariable.ofInstant("endsAt");
  public static final ProcessVariable<Instant> FIRST_REMINDER_AT = ProcessVariable.ofInstant("firstReminderAt");
  public static final ProcessVariable<Instant> SECOND_REMINDER_AT = ProcessVariable.ofInstant("secondReminderAt");
  /** Set at the end: whether a signed renewal follows (R03). */
  public static final ProcessVariable<Boolean> RENEWED = ProcessVariable.ofBoolean("renewed");

  public static final String SIGN = "CallActivity_SignConvention";
  public static final String NOTIFY_SIGNED = "ServiceTask_NotifyConventionSigned";
  public static final String LAST_DAY_PASSED = "IntermediateEvent_LastDayPassed";
  public static final String FIRST_REMINDER = "BoundaryEvent_FirstReminder";
  public static final String SECOND_REMINDER = "BoundaryEvent_SecondReminder";
  public static final String NOTIFY_FIRST_REMINDER = "ServiceTask_NotifyFirstReminder";
  public static final String NOTIFY_SECOND_REMINDER = "ServiceTask_NotifySecondReminder";
  public static final String NOTIFY_ENDED = "ServiceTask_NotifyConventionEnded";

  public static String businessKey(long conventionId) {
    return "convention-" + conventionId;
  }

  private ConventionLifeProcess() {}
}
