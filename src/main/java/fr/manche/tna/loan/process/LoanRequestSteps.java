package fr.manche.tna.loan.process;

import static fr.manche.tna.loan.process.LoanRequestProcess.*;

import fr.manche.tna.loan.LoanDecision;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestService.Submission;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the loan request, each a thin adapter from process variables to {@link LoanRequestService}. */
@Configuration
class LoanRequestSteps {

  /** Records the member's request in the start transaction: anything refused creates nothing. */
  @Bean("registerLoanRequest")
  JavaDelegate registerLoanRequest(LoanRequestService service) {
    return execution -> {
      long id = service.register(CommonVariables.ORGANISATION_ID.get(execution), execution.getProcessInstanceId(),
          Actor.of(execution), submission(execution));
      LOAN_REQUEST_ID.set(execution, id);
      LONG_LOAN.set(execution, service.find(id).longLoan());
      execution.setProcessBusinessKey("pret-" + id);
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
      LoanDecision decision = decision(task);
      LoanRequest decided = service.decide(LOAN_REQUEST_ID.get(task), decision, LOAN_DECISION_REASON.getOrNull(task), actor);
      CommonVariables.REVIEWER.set(task, actor);
      LOAN_APPROVED.set(task, decided.status() == fr.manche.tna.loan.LoanRequestStatus.APPROUVEE);
    };
  }

  private static LoanDecision decision(VariableScope variables) {
    return LoanDecision.fromSubmitted(LOAN_DECISION.getOrNull(variables), LOAN_DECISION_REASON.getOrNull(variables));
  }

  private static Submission submission(VariableScope variables) {
    return new Submission(
        ACTIVITIES.getOrNull(variables),
        EXPECTED_AUDIENCE.getOrNull(variables),
        FIRST_DAY.getOrNull(variables),
        LAST_DAY.getOrNull(variables),
        INVENTORY_NUMBERS.getOrNull(variables),
        LONGER_NEED_REASON.getOrNull(variables));
  }
}
