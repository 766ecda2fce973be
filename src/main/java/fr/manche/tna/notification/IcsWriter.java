package fr.manche.tna.notification;

import fr.manche.tna.platform.time.ParisTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import java.net.URI;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes an appointment as an iCalendar invitation (RFC 5545) in Europe/Paris time, with its time zone; a change
 * keeps the uid with a higher {@code SEQUENCE}, a cancellation is {@code METHOD:CANCEL} with {@code STATUS:CANCELLED}.
 */
final class IcsWriter {

  private static final TimeZoneRegistry TIME_ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();

  private IcsWriter() {}

  /**
   * @param organizer e-mail address of the organizer (the application's sender)
   * @param attendees e-mail addresses of the invited people
   */
  static byte[] write(CalendarInvitation invitation, String organizer, java.util.List<String> attendees) {
    VEvent event =
        new VEvent(
            invitation.start().withZoneSameInstant(ParisTime.ZONE),
            invitation.end().withZoneSameInstant(ParisTime.ZONE),
            invitation.summary());
    event.add(new Uid(invitation.uid()));
    event.add(new Sequence(invitation.sequence()));
    if (invitation.cancelled()) {
      event.add(new Status(Status.VALUE_CANCELLED));
    }
    event.add(new Organizer(URI.create("mailto:" + organizer)));
    attendees.forEach(attendee -> event.add(new Attendee(URI.create("mailto:" + attendee))));
    if (invitation.description() != null) {
      event.add(new Description(invitation.description()));
    }
    if (invitation.location() != null) {
      event.add(new Location(invitation.location()));
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Département de la Manche//Réseau TNA//FR"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new Method(invitation.cancelled() ? "CANCEL" : "REQUEST"));
    calendar.add(TIME_ZONES.getTimeZone(ParisTime.ZONE.getId()).getVTimeZone());
    calendar.add(event);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new CalendarOutputter().output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
