package fr.manche.tna.handover.process;

import static fr.manche.tna.handover.process.DamageCaseProcess.*;

import fr.manche.tna.handover.DamageCases;
import fr.manche.tna.handover.DamageCases.Assessed;
import fr.manche.tna.handover.DamageCases.Assessment;
import fr.manche.tna.loan.LoanLifecycle.Replanned;
import fr.manche.tna.membership.MemberInstanceAccess;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;
import fr.manche.tna.platform.security.InstanceGrants;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of a damage case, thin adapters from process variables to {@link DamageCases}. */
@Configuration
class DamageSteps {

  /** The loans re-planned when the item was retired, for the mails: « 12=INV-013;14=- » (- : no item in its place). */
  static final ProcessVariable<String> REPLANNED = ProcessVariable.ofString("replannedLoans");

  /**
   * Who may read the case: a member who reports it gets their organisation's access (as every member process); a
   * case opened by a return inspection names its organisation, whose group may read it.
   */
  @Bean("damageCaseAccess")
  ExecutionListener damageCaseAccess(MemberInstanceAccess memberAccess) {
    return execution -> {
      if (CommonVariables.ORGANISATION_ID.getOptional(execution).isPresent()
          && CommonVariables.MEMBER_GROUP_ID.getOptional(execution).isPresent()) {
        InstanceGrants.letGroupRead(execution, CommonVariables.MEMBER_GROUP_ID.get(execution));
      } else {
        memberAccess.notify(execution);
      }
    };
  }

  /** The member's report, in the start transaction: a refusal (French) creates nothing. */
  @Bean("registerDamageReport")
  JavaDelegate registerDamageReport(DamageCases cases) {
    return execution -> {
      long id = cases.report(CommonVariables.ORGANISATION_ID.get(execution), INVENTORY_NUMBER.getOrNull(execution),
          NATURE.getOrNull(execution), OCCURRED_ON.getOrNull(execution), DESCRIPTION.getOrNull(execution),
          execution.getProcessInstanceId(), Actor.of(execution));
      DAMAGE_CASE_ID.set(execution, id);
      execution.setProcessBusinessKey("dommage-" + id);
    };
  }

  /** The equipment manager's assessment: checked, applied (repair block, retirement and re-planning) in one go. */
  @Bean("assessDamage")
  TaskListener assessDamage(DamageCases cases) {
    return task -> {
      Assessed assessed = cases.assess(DAMAGE_CASE_ID.get(task), new Assessment(ITEM_OUTCOME.getOrNull(task),
          REPAIR_UNTIL.getOrNull(task), "oui".equals(BORROWER_PAYS.getOrNull(task)), AMOUNT.getOrNull(task),
          INSURANCE_CLAIM.getOrNull(task), DECISION_REASON.getOrNull(task)), Actor.of(task));
      REPLANNED.set(task, assessed.replanned().stream()
          .map(replanned -> replanned.loan().id() + "=" + (replanned.replacement() == null ? "-"
              : replanned.replacement().inventoryNumber()))
          .collect(Collectors.joining(";")));
    };
  }
}
