package fr.manche.tna.handover.process;

import fr.manche.tna.handover.DamageCase;
import fr.manche.tna.handover.DamageCases;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import fr.manche.tna.platform.time.ParisTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The assessment of a damage case in Tasklist: the organisation, the item, what happened; due within a week. */
@Component
class DamageTaskContexts implements TaskContexts {

  private final DamageCases cases;
  private final LoanRequestService loans;
  private final OrganisationRepository organisations;

  DamageTaskContexts(DamageCases cases, LoanRequestService loans, OrganisationRepository organisations) {
    this.cases = cases;
    this.loans = loans;
    this.organisations = organisations;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(DamageCaseProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    DamageCase damage = cases.find(DamageCaseProcess.DAMAGE_CASE_ID.get(task));
    LoanRequest loan = loans.find(damage.loanRequestId());
    String organisationName = organisations.findById(loan.organisationId()).map(Organisation::name).orElse(null);
    String what = damage.origin() == DamageCase.Origin.RETOUR ? "relevé à l'état des lieux de retour"
        : damage.nature().label() + " signalé" + (damage.nature() == DamageCase.Nature.PANNE
            || damage.nature() == DamageCase.Nature.PERTE ? "e" : "") + " par la structure, le "
            + ParisTime.formatDate(damage.occurredOn());
    Map<String, Object> shown = new HashMap<>();
    if (organisationName != null) {
      shown.put(CommonVariables.ORGANISATION_NAME.name(), organisationName);
    }
    shown.put(DamageCaseProcess.SUMMARY.name(), damage.itemNamed() + ", prêt n° " + loan.id() + " (" + loan.period()
        + ") : " + what + ".\n" + damage.description());
    return TaskContext.of(organisationName, damage.itemNamed() + " : " + what)
        .due(damage.openedAt().toInstant().plus(java.time.Duration.ofDays(7)))
        .prefill(shown);
  }
}
