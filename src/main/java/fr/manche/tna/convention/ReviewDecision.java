package fr.manche.tna.convention;

import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.time.ParisTime;
import java.time.ZonedDateTime;

/**
 * The network referent's decision on an application, checked on the server whatever the form allowed.
 *
 * @param outcome accepted, refused, or to be completed by the organisation
 * @param reason the reason or the information asked for (required unless accepted)
 * @param welcomeMeeting an optional welcome meeting at the Maison du Département (accepted only), in the future
 */
public record ReviewDecision(ConventionStatus outcome, String reason, ZonedDateTime welcomeMeeting) {

  public static final String ACCEPT = "accepter";
  public static final String REFUSE = "refuser";
  public static final String ASK_FOR_CHANGES = "completer";
  static final String MEETING_DATE_LABEL = "Date du rendez-vous"; // the labels of the review form
  static final String MEETING_TIME_LABEL = "Heure du rendez-vous";

  public boolean accepted() {
    return outcome == ConventionStatus.ACCEPTEE;
  }

  /**
   * Reads the decision as submitted by the review form.
   *
   * @throws InvalidInputException in French when the decision is missing, a refusal or a request for
   *     changes has no explanation, or the meeting is not a future date and time
   */
  public static ReviewDecision fromSubmitted(String decision, String reason, String meetingDate, String meetingTime) {
    String optionalReason = Inputs.optional(reason, "Motif ou message à l'organisation", 2000);
    String trimmedReason = optionalReason == null ? "" : optionalReason;
    if (REFUSE.equals(decision) || ASK_FOR_CHANGES.equals(decision)) {
      if (trimmedReason.length() < 10) {
        throw new InvalidInputException(REFUSE.equals(decision)
            ? "Indiquez le motif du refus (au moins 10 caractères) : il est envoyé à l'organisation."
            : "Indiquez les compléments attendus (au moins 10 caractères) : ils sont envoyés à l'organisation.");
      }
      return new ReviewDecision(
          REFUSE.equals(decision) ? ConventionStatus.REFUSEE : ConventionStatus.A_COMPLETER, trimmedReason, null);
    }
    if (!ACCEPT.equals(decision)) {
      throw new InvalidInputException("Choisissez une décision : accepter, demander des compléments ou refuser la demande.");
    }
    ZonedDateTime meeting =
        ParisTime.parseOptionalDateAndTime(meetingDate, meetingTime, MEETING_DATE_LABEL, MEETING_TIME_LABEL);
    if (meeting != null && !meeting.isAfter(ParisTime.now())) {
      throw new InvalidInputException(
          "Le rendez-vous d'accueil doit être fixé dans le futur (vous avez indiqué le "
              + ParisTime.formatDateTime(meeting) + ").");
    }
    return new ReviewDecision(ConventionStatus.ACCEPTEE, trimmedReason.isEmpty() ? null : trimmedReason, meeting);
  }
}
