package fr.manche.tna.test;

import fr.manche.tna.handover.Booking;
import fr.manche.tna.handover.Bookings;
import fr.manche.tna.handover.Condition;
import fr.manche.tna.handover.HandoverDesk;
import fr.manche.tna.handover.HandoverKind;
import fr.manche.tna.handover.InspectionDraft;
import fr.manche.tna.handover.Inspections;
import fr.manche.tna.handover.process.HandoverProcess;
import fr.manche.tna.handover.process.InspectionReportProcess;
import fr.manche.tna.handover.process.LoanReportProcess;
import fr.manche.tna.loan.process.LoanRequestProcess;
import fr.manche.tna.platform.forms.FormOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Handovers as members and equipment managers make them in Tasklist (issue 11): an approved loan, the member's
 * booking among the free slots the task offers, the appointment recorded; the jobs of the loan and of its handovers.
 */
@Component
public class HandoverFixtures {

  private final LoanFixtures loans;
  private final ConventionFixtures conventions;
  private final ProcessDriver driver;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HandoverDesk desk;
  private final Inspections inspections;
  private final Bookings bookings;

  HandoverFixtures(LoanFixtures loans, ConventionFixtures conventions, ProcessDriver driver, RuntimeService runtime,
      TaskService tasks, ManagementService management, HandoverDesk desk, Inspections inspections, Bookings bookings) {
    this.desk = desk;
    this.inspections = inspections;
    this.bookings = bookings;
    this.loans = loans;
    this.conventions = conventions;
    this.driver = driver;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  /** A loan requested by the member and approved by an equipment manager (30 days or less): its pickup is to book. */
  public ProcessInstance approvedLoan(String userId, String firstDay, String lastDay, String items) {
    ProcessInstance request = loans.request(userId, firstDay, lastDay, items, "");
    loans.decide(request, LoanRequestProcess.APPROVE_TASK, ConventionFixtures.EQUIPMENT_MANAGER, "approuver", "");
    runJobs(request);
    return request;
  }

  /** The loan's handover under way (pickup, then return), or null. */
  public ProcessInstance handover(ProcessInstance loan) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(loan.getId()).singleResult();
  }

  /** The member's task « Réserver un créneau » of the loan's current handover, or null. */
  public Task bookingTask(ProcessInstance loan) {
    ProcessInstance handover = handover(loan);
    return handover == null ? null : driver.openTask(handover.getId(), HandoverProcess.BOOK_TASK);
  }

  /** The equipment managers' task at the appointment, or null. */
  public Task handoverTask(ProcessInstance loan) {
    ProcessInstance handover = handover(loan);
    return handover == null ? null : driver.openTask(handover.getId(), HandoverProcess.HANDOVER_TASK);
  }

  /** The slots the booking task offers (values the form submits), soonest first. */
  public List<String> offeredSlots(ProcessInstance loan) {
    Task task = bookingTask(loan);
    if (task == null) {
      throw new AssertionError("No task « Réserver un créneau » for the loan " + loan.getId());
    }
    return FormOptions.values(tasks.getVariableLocalTyped(task.getId(), HandoverProcess.FREE_SLOT_OPTIONS, false))
        .orElse(List.of());
  }

  /** The member books this slot (« 2027-03-29T09:00+02:00 ») in Tasklist; then the confirmation is sent. */
  public void book(String userId, ProcessInstance loan, String slot) {
    Task task = bookingTask(loan);
    if (task == null) {
      throw new AssertionError("No task « Réserver un créneau » for the loan " + loan.getId());
    }
    conventions.asUser(userId);
    try {
      driver.claimAndSubmit(task, userId, Map.of("handoverSlot", slot));
    } finally {
      conventions.clearUser();
    }
    runJobs(loan);
  }

  /**
   * An equipment manager records the appointment: {@code fait} through the inspection page's service (every item in
   * good condition with its whole kit, acknowledged on the spot), or {@code absente} in Tasklist.
   */
  public void record(ProcessInstance loan, String outcome, String notes) {
    Task task = handoverTask(loan);
    if (task == null) {
      throw new AssertionError("No handover task for the loan " + loan.getId());
    }
    if ("fait".equals(outcome)) {
      inspect(loan, goodCondition(loan, true, notes));
      return;
    }
    driver.claimAndSubmit(task, ConventionFixtures.EQUIPMENT_MANAGER, Map.of("handoverOutcome", outcome, "handoverNotes", notes));
    runJobs(loan);
  }

  /** The inspection recorded at the desk by an equipment manager (the appointment's task completes with it). */
  public List<Inspections.Difference> inspect(ProcessInstance loan, InspectionDraft draft) {
    List<Inspections.Difference> differences =
        desk.recordInspection(heldBooking(loan).id(), draft, ConventionFixtures.EQUIPMENT_MANAGER);
    runJobs(loan);
    return differences;
  }

  /** Every item of the loan « Bon état » with its whole kit, the member's representative named. */
  public InspectionDraft goodCondition(ProcessInstance loan, boolean acknowledgedOnSite, String notes) {
    Map<Long, String> conditions = new HashMap<>();
    Map<Long, List<String>> present = new HashMap<>();
    for (Inspections.ToInspect each : inspections.toInspect(heldBooking(loan).id())) {
      conditions.put(each.item().id(), Condition.BON.name());
      present.put(each.item().id(), each.item().accessories());
    }
    return new InspectionDraft(conditions, present, Map.of(), "Julie Hamel", acknowledgedOnSite, notes);
  }

  /** The booking the loan's current handover holds. */
  public Booking heldBooking(ProcessInstance loan) {
    long loanId = ((Number) runtime.getVariable(loan.getId(), "loanRequestId")).longValue();
    ProcessInstance handover = handover(loan);
    HandoverKind kind = HandoverKind.valueOf((String) runtime.getVariable(handover.getId(), "handoverKind"));
    return bookings.held(loanId, kind).orElseThrow(() -> new AssertionError("No booking held for the loan " + loanId));
  }

  /** The loan's report process (started once the return is done), or null. */
  public ProcessInstance loanReport(long loanId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(LoanReportProcess.KEY)
        .processInstanceBusinessKey("compte-rendu-" + loanId).singleResult();
  }

  /** Runs the due jobs of the loan, of its handovers and of the reports until none is left. */
  public void runJobs(ProcessInstance loan) {
    for (int round = 0; round < 20; round++) {
      List<String> instances = new ArrayList<>(List.of(loan.getId()));
      runtime.createProcessInstanceQuery().processDefinitionKey(InspectionReportProcess.KEY).active().list()
          .forEach(report -> instances.add(report.getId()));
      runtime.createProcessInstanceQuery().processDefinitionKey(LoanReportProcess.KEY).active().list()
          .forEach(report -> instances.add(report.getId()));
      ProcessInstance handover = handover(loan);
      if (handover != null) {
        instances.add(handover.getId());
      }
      List<Job> due = new ArrayList<>();
      for (String instance : instances) {
        due.addAll(management.createJobQuery().processInstanceId(instance).executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs keep coming for the loan " + loan.getId());
  }

  /** A loan report as a member fills it in (four sessions and an event, 75 pupils and 3 teachers, very satisfied). */
  public static Map<String, Object> loanReport() {
    Map<String, Object> values = new HashMap<>();
    values.put("reportSessions", "4");
    values.put("reportWorkshops", "");
    values.put("reportProvisions", "0");
    values.put("reportEvents", "1");
    values.put("reportSchoolPupils", "75");
    values.put("reportJobSeekers", "");
    values.put("reportTeachers", "3");
    values.put("reportSeniors", "");
    values.put("reportGeneralPublic", "");
    values.put("reportOtherPublics", "");
    values.put("audienceAppreciation", "TRES_SATISFAIT");
    values.put("reportComments", "Les collégiens ont adoré le vol en intérieur.");
    return values;
  }
}
