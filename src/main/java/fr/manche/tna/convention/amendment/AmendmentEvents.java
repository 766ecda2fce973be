package fr.manche.tna.convention.amendment;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionEvents;
import fr.manche.tna.platform.web.TasklistLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/** A convention's amendments, in order, on the convention pages (R04: they become part of the convention). */
@Component
class AmendmentEvents implements ConventionEvents {

  private final AmendmentService amendments;
  private final TasklistLinks links;

  AmendmentEvents(AmendmentService amendments, TasklistLinks links) {
    this.amendments = amendments;
    this.links = links;
  }

  @Override
  public List<Event> of(Convention convention) {
    return amendments.ofConvention(convention.id()).stream()
        .map(amendment -> new Event(
            amendment.receivedOn(),
            amendment.numberLabel() + " « " + amendment.object() + " », demandé le " + amendment.receivedOnLabel() + " : "
                + amendment.statusLabel()
                + (amendment.effectiveDate() == null ? "" : ", en vigueur le " + amendment.effectiveDateLabel()),
            amendment.number() == null ? null : links.document(Amendment.DOCUMENT_TYPE.name(), amendment.id()),
            false))
        .toList();
  }
}
