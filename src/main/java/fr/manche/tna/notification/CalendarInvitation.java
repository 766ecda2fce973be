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
 * @param sequence its version (RFC 5545 {@code SEQUENCE}): higher on each change of the same uid
 * @param cancelled whether the invitation cancels the appointment ({@code METHOD:CANCEL})
 */
public record CalendarInvitation(
    String uid,
    String summary,
    String description,
    String location,
    ZonedDateTime start,
    ZonedDateTime end,
    int sequence,
    boolean cancelled) {

  /** A first invitation (sequence 0). */
  public CalendarInvitation(String uid, String summary, String description, String location, ZonedDateTime start,
      ZonedDateTime end) {
    this(uid, summary, description, location, start, end, 0, false);
  }

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
