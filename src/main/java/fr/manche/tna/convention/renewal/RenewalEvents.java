package fr.manche.tna.convention.renewal;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionEvents;
import fr.manche.tna.platform.time.ParisTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** A convention's renewal proposals on the convention pages; an open one is an upcoming deadline (R03). */
@Component
class RenewalEvents implements ConventionEvents {

  private final RenewalService renewals;

  RenewalEvents(RenewalService renewals) {
    this.renewals = renewals;
  }

  @Override
  public List<Event> of(Convention convention) {
    return renewals.ofConvention(convention.id()).stream()
        .map(renewal -> new Event(renewal.proposedAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate(), renewal.label(), null, renewal.open()))
        .toList();
  }
}
