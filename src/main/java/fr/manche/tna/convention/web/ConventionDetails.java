package fr.manche.tna.convention.web;

import fr.manche.tna.convention.ConventionEvents;
import fr.manche.tna.convention.ConventionStatus;
import fr.manche.tna.convention.ConventionSummary;
import fr.manche.tna.platform.web.TasklistLinks;
import fr.manche.tna.convention.Convention;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** A convention as its pages show it: state and dates, deadlines, history (amendments, notices...) and PDF. */
@Component
class ConventionDetails {

  /** One convention on a page. */
  record View(ConventionSummary summary, String documentLink, List<ConventionEvents.Event> history, List<String> deadlines) {}

  private final List<ConventionEvents> events;
  private final TasklistLinks links;

  ConventionDetails(List<ConventionEvents> events, TasklistLinks links) {
    this.events = events;
    this.links = links;
  }

  List<View> of(List<ConventionSummary> summaries) {
    return summaries.stream().map(this::view).toList();
  }

  private View view(ConventionSummary summary) {
    List<ConventionEvents.Event> history =
        events.stream()
            .flatMap(source -> source.of(summary.convention()).stream())
            .sorted(Comparator.comparing(ConventionEvents.Event::date))
            .toList();
    List<String> deadlines = new java.util.ArrayList<>(summary.upcomingDeadlines());
    history.stream().filter(ConventionEvents.Event::upcoming).map(ConventionEvents.Event::label).forEach(deadlines::add);
    boolean hasDocument = summary.status() != ConventionStatus.EN_EXAMEN
        && summary.status() != ConventionStatus.A_COMPLETER
        && summary.status() != ConventionStatus.REFUSEE;
    return new View(summary, hasDocument ? links.document(Convention.DOCUMENT_TYPE.name(), summary.id()) : null,
        history.stream().filter(event -> !event.upcoming()).toList(), deadlines);
  }
}
