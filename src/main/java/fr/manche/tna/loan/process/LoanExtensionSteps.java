package fr.manche.tna.loan.process;

import static fr.manche.tna.loan.process.LoanExtensionProcess.*;

import fr.manche.tna.loan.LoanExtensionStatus;
import fr.manche.tna.loan.LoanExtensionVariables;
import fr.manche.tna.loan.LoanLifecycle;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The step of the extension examination: a thin adapter to {@link LoanLifecycle#decideExtension}. */
@Configuration
class LoanExtensionSteps {

  /**
   * The département's decision (R10): a grant checks the availability again and prolongs the reservation in the
   * task's transaction (a conflict stays next to the form, in French, and changes nothing).
   */
  @Bean("decideLoanExtension")
  TaskListener decideLoanExtension(LoanLifecycle lifecycle) {
    return task -> {
      String decision = DECISION.getOrNull(task);
      if (!"accorder".equals(decision) && !"refuser".equals(decision)) {
        throw new InvalidInputException("Choisissez une réponse : accorder ou refuser la prolongation.");
      }
      String actor = Actor.of(task);
      LoanExtensionStatus status = lifecycle.decideExtension(LoanExtensionVariables.EXTENSION_ID.get(task),
          "accorder".equals(decision), DECISION_REASON.getOrNull(task), actor).status();
      CommonVariables.REVIEWER.set(task, actor);
      GRANTED.set(task, status == LoanExtensionStatus.ACCORDEE);
    };
  }
}
