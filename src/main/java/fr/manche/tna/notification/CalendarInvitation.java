package fr.manche.tna.notification;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * An appointment sent with a mail as an iCalendar (.ics) invitation, in Europe/Paris time.
 *
 * @param uid stable identifier: sending the same appointment again updates it in the calendar instead of
 *     adding a copy
 * @param summary title in the calendar
 * @param description details
 * @param location where it takes place
 * @param start start, any zone (written in Europe/Paris)
 * @param end end, after start
 */
public record CalendarInvitation(
    String uid,
    String summary,
    String description,
    String location,
    ZonedDateTime start,
    ZonedDateTime end) {

  public CalendarInvitation {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("An appointment must end after it starts");
    }
  }
}
