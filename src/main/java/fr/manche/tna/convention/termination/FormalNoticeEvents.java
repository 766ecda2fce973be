package fr.manche.tna.convention.termination;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionEvents;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** A convention's formal notices on the convention pages: each with its outcome, and an open one's deadline. */
@Component
class FormalNoticeEvents implements ConventionEvents {

  private final FormalNoticeService notices;

  FormalNoticeEvents(FormalNoticeService notices) {
    this.notices = notices;
  }

  @Override
  public List<Event> of(Convention convention) {
    List<Event> events = new ArrayList<>();
    for (FormalNotice notice : notices.ofConvention(convention.id())) {
      events.add(new Event(notice.sentOn(), notice.title() + " : " + notice.statusLabel(), null, false));
      if (notice.open()) {
        events.add(new Event(notice.sentOn(), notice.deadlineLabel(), null, true));
      }
    }
    return events;
  }
}
