package fr.manche.tna.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Invitations are written in Europe/Paris wall-clock time, winter and summer, and read back the same. */
class IcsWriterTest {

  @Test
  void writesParisTimeWithItsTimeZoneInWinterAndSummer() throws Exception {
    String winter = ics(ZonedDateTime.parse("2026-01-15T09:00Z"));
    assertThat(winter).contains("DTSTART;TZID=Europe/Paris:20260115T100000");
    String summer = ics(ZonedDateTime.parse("2026-07-15T08:00Z"));
    assertThat(summer)
        .contains("DTSTART;TZID=Europe/Paris:20260715T100000")
        .contains("BEGIN:VTIMEZONE")
        .contains("UID:rdv-1@reseau-tna.manche.fr")
        .contains("LOCATION:Maison du Département")
        .contains("ORGANIZER:mailto:reseau-tna@manche.fr")
        .contains("ATTENDEE:mailto:mairie@percy.example.fr");

    Calendar parsed =
        new CalendarBuilder().build(new ByteArrayInputStream(summer.getBytes(StandardCharsets.UTF_8)));
    VEvent event = parsed.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
    ZonedDateTime start = ZonedDateTime.from(event.getDateTimeStart().getDate());
    assertThat(start.toInstant()).isEqualTo(ZonedDateTime.parse("2026-07-15T08:00Z").toInstant());
  }

  private static String ics(ZonedDateTime start) {
    return new String(
        IcsWriter.write(
            new CalendarInvitation(
                "rdv-1@reseau-tna.manche.fr",
                "Rendez-vous d'accueil",
                "Présentation du réseau",
                "Maison du Département",
                start,
                start.plusHours(1)),
            "reseau-tna@manche.fr",
            java.util.List.of("mairie@percy.example.fr")),
        StandardCharsets.UTF_8);
  }
}
