package fr.manche.tna.handover.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;
import java.time.Instant;

/**
 * The process {@code Handover} (bpmn/handover/Handover.bpmn), R12: one handover of a loan's equipment at the Maison du
 * Département, called twice by the loan ({@code LoanRequest}): the pickup, then the return. The member books a slot
 * among the free ones; the booking is confirmed with a calendar invitation and reminded the day before; moved or
 * cancelled (page « Mes rendez-vous »), it is confirmed again; at the appointment an equipment manager records it
 * done, or the member's absence, which asks them to book again. Called with {@link #LOAN_REQUEST_ID},
 * {@link #HANDOVER_KIND}, {@link CommonVariables#ORGANISATION_ID} and {@link CommonVariables#MEMBER_GROUP_ID}.
 */
public final class HandoverProcess {

  public static final String KEY = "Handover";

  /** Given by the loan. */
  public static final ProcessVariable<Long> LOAN_REQUEST_ID = ProcessVariable.ofLong("loanRequestId");
  public static final ProcessVariable<String> HANDOVER_KIND = ProcessVariable.ofString("handoverKind");

  /** Set by the process: the booking held, the reminder's moment, the tasks' names. */
  public static final ProcessVariable<Long> BOOKING_ID = ProcessVariable.ofLong("bookingId");
  public static final ProcessVariable<Boolean> BOOKED = ProcessVariable.ofBoolean("handoverBooked");
  public static final ProcessVariable<Instant> REMINDER_AT = ProcessVariable.ofInstant("handoverReminderAt");
  public static final ProcessVariable<String> BOOKING_TASK_NAME = ProcessVariable.ofString("bookingTaskName");
  public static final ProcessVariable<String> HANDOVER_TASK_NAME = ProcessVariable.ofString("handoverTaskName");
  public static final ProcessVariable<Boolean> HANDOVER_DONE = ProcessVariable.ofBoolean("handoverDone");

  /** Fields of the member's form « Réserver un créneau ». */
  public static final ProcessVariable<String> SLOT = ProcessVariable.ofString("handoverSlot");
  public static final String FREE_SLOT_OPTIONS = "freeSlotOptions";
  public static final ProcessVariable<String> SLOTS_SUMMARY = ProcessVariable.ofString("slotsSummary");

  /** Fields of the equipment managers' form at the appointment. */
  public static final ProcessVariable<String> OUTCOME = ProcessVariable.ofString("handoverOutcome");
  public static final ProcessVariable<String> NOTES = ProcessVariable.ofString("handoverNotes");
  public static final ProcessVariable<String> APPOINTMENT = ProcessVariable.ofString("appointment");

  /** Shown on both forms, read-only: the loan's items and period. */
  public static final ProcessVariable<String> LOAN_ITEMS = ProcessVariable.ofString("requestedItems");
  public static final ProcessVariable<String> LOAN_PERIOD = ProcessVariable.ofString("requestedPeriod");

  public static final String BOOK_TASK = "UserTask_BookSlot";
  public static final String HANDOVER_TASK = "UserTask_Handover";
  public static final String END_DONE = "EndEvent_HandoverDone";

  private HandoverProcess() {}
}
