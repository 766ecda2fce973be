package fr.manche.tna.loan;

import fr.manche.tna.convention.OpenWorkAtConventionEnd;
import java.util.List;
import org.springframework.stereotype.Component;

/** The loans a member still holds when its convention ends or is terminated: listed in the staff's mail (R08). */
@Component
class LoanOpenWork implements OpenWorkAtConventionEnd {

  private final LoanLifecycle lifecycle;

  LoanOpenWork(LoanLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public List<String> openWorkOf(long organisationId) {
    return lifecycle.openLoansOf(organisationId).stream()
        .map(loan -> "Prêt n° " + loan.id() + " : " + loan.itemsNamed() + ", " + loan.period())
        .toList();
  }
}
