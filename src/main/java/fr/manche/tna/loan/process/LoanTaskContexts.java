package fr.manche.tna.loan.process;

import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import fr.manche.tna.platform.time.ParisTime;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A loan request's tasks in Tasklist: the organisation, the items and the period; due by the first day. The
 * approval forms show the organisation and the items by name.
 */
@Component
class LoanTaskContexts implements TaskContexts {

  private final LoanRequestService requests;
  private final OrganisationRepository organisations;

  LoanTaskContexts(LoanRequestService requests, OrganisationRepository organisations) {
    this.requests = requests;
    this.organisations = organisations;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(LoanRequestProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    LoanRequest loan = requests.find(LoanRequestProcess.LOAN_REQUEST_ID.get(task));
    String organisation = organisations.findById(loan.organisationId()).map(found -> found.name()).orElse(null);
    TaskContext context = TaskContext.of(organisation,
            loan.itemsNamed() + ", " + loan.period() + " (" + loan.daysLabel() + ")")
        .due(loan.firstDay().atStartOfDay(ParisTime.ZONE).toInstant());
    return context.prefill(organisation == null
        ? Map.ofEntries(LoanRequestProcess.REQUESTED_ITEMS.entry(loan.itemsNamed()))
        : Map.ofEntries(LoanRequestProcess.REQUESTED_ITEMS.entry(loan.itemsNamed()),
            CommonVariables.ORGANISATION_NAME.entry(organisation)));
  }
}
