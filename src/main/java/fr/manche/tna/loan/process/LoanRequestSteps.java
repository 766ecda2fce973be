package fr.manche.tna.loan.process;

import static fr.manche.tna.loan.process.LoanRequestProcess.*;

import fr.manche.tna.loan.LoanDecision;
import fr.manche.tna.loan.LoanLifecycle;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestService.Submission;
import fr.manche.tna.loan.LoanRules;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the loan, each a thin adapter from process variables to {@link LoanRequestService} and {@link LoanLifecycle}. */
@Configuration
class LoanRequestSteps {

  /** Records the member's request in the start transaction: anything refused creates nothing. */
  @Bean("registerLoanRequest")
  JavaDelegate registerLoanRequest(LoanRequestService service) {
    return execution -> {
      long id = service.register(CommonVariables.ORGANISATION_ID.get(execution), execution.getProcessInstanceId(),
          Actor.of(execution), submission(execution));
      LOAN_REQUEST_ID.set(execution, id);
      execution.setProcessBusinessKey("pret-" + id);
    };
  }

  /**
   * The member's step « Choisir le matériel »: the items chosen (among the options the server offered, checked again),
   * another period, or giving up. A refusal (French) stays next to the form and changes nothing.
   */
  @Bean("chooseLoanItems")
  TaskListener chooseLoanItems(LoanRequestService service) {
    return task -> {
      long id = LOAN_REQUEST_ID.get(task);
      String choice = MEMBER_CHOICE.getOrNull(task);
      LoanStep step;
      if ("materiel".equals(choice)) {
        List<String> chosen = CHOSEN_ITEMS.getOrNull(task);
        List<String> byType = CHOSEN_TYPES.getOrNull(task);
        LoanRequest request = service.chooseItems(id, chosen == null ? List.of() : chosen, byType == null ? List.of() : byType);
        LONG_LOAN.set(task, request.longLoan());
        step = LoanStep.ITEMS_CHOSEN;
      } else if ("periode".equals(choice)) {
        service.changePeriod(id, NEW_FIRST_DAY.getOrNull(task), NEW_LAST_DAY.getOrNull(task),
            NEW_LONGER_NEED_REASON.getOrNull(task));
        step = LoanStep.PERIOD_CHANGED;
      } else if ("abandon".equals(choice)) {
        service.abandon(id, Actor.of(task));
        step = LoanStep.ABANDONED;
      } else {
        throw new InvalidInputException("Choisissez ce que vous souhaitez faire : demander le matériel coché, changer de"
            + " période ou abandonner.");
      }
      LOAN_STEP.set(task, step);
    };
  }

  /**
   * The decision, when either approval task is completed: an approval checks everything again and reserves the
   * items in the task's transaction, so that a refusal (French) stays next to the form and changes nothing.
   */
  @Bean("decideLoanRequest")
  TaskListener decideLoanRequest(LoanRequestService service) {
    return task -> {
      String actor = Actor.of(task);
      LoanDecision decision = LoanDecision.fromSubmitted(LOAN_DECISION.getOrNull(task), LOAN_DECISION_REASON.getOrNull(task));
      service.decide(LOAN_REQUEST_ID.get(task), decision, LOAN_DECISION_REASON.getOrNull(task), actor);
      CommonVariables.REVIEWER.set(task, actor);
      LOAN_STEP.set(task, switch (decision) {
        case APPROVE -> LoanStep.APPROVED;
        case PROPOSE -> LoanStep.PROPOSED;
        case REFUSE, REFUSE_OWN_USE -> LoanStep.REFUSED;
      });
    };
  }

  /**
   * The reminders' moments, from the loan's days (again after each extension), Europe/Paris; and whether the equipment
   * was already picked up, so that the loan's steps start again at its return.
   */
  @Bean("scheduleLoanReminders")
  JavaDelegate scheduleLoanReminders(LoanRequestService service) {
    return execution -> {
      LoanRequest loan = service.find(LOAN_REQUEST_ID.get(execution));
      FIRST_DAY_REMINDER_AT.set(execution, LoanRules.firstDayReminderAt(loan.firstDay()));
      LAST_DAY_REMINDER_AT.set(execution, LoanRules.lastDayReminderAt(loan.lastDay()));
      OVERDUE_REMINDER_AT.set(execution, LoanRules.overdueReminderAt(loan.lastDay()));
      FOLLOW_UP_AT.set(execution, LoanRules.followUpAt(loan.lastDay()));
      PICKED_UP.set(execution, loan.pickedUp());
    };
  }

  @Bean("recordLoanFollowUp")
  TaskListener recordLoanFollowUp(LoanLifecycle lifecycle) {
    return task -> lifecycle.recordFollowUp(LOAN_REQUEST_ID.get(task), FOLLOW_UP_NOTES.getOrNull(task), Actor.of(task));
  }

  private static Submission submission(VariableScope variables) {
    return new Submission(
        ACTIVITIES.getOrNull(variables),
        EXPECTED_AUDIENCE.getOrNull(variables),
        FIRST_DAY.getOrNull(variables),
        LAST_DAY.getOrNull(variables),
        LONGER_NEED_REASON.getOrNull(variables));
  }
}
