package fr.manche.tna.convention.termination;

import fr.manche.tna.convention.ConventionTerms;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * R07: a formal notice sent to a member for a failure to meet its obligations, and its outcome; with the
 * French texts the convention pages show.
 *
 * @param processInstanceId the {@code ConventionTermination} instance that follows it
 * @param failure the obligations not met, as staff described them
 * @param letterReference the registered letter's reference
 * @param sentOn the day the letter was sent
 * @param acknowledgedOn the day of the acknowledgement of receipt, once recorded
 * @param decision the comment or reason of the outcome (remedied or terminated), once decided
 * @param terminatedParts what the termination ended, in French, once terminated
 */
public record FormalNotice(
    long id,
    long conventionId,
    String processInstanceId,
    FormalNoticeStatus status,
    String failure,
    String letterReference,
    LocalDate sentOn,
    LocalDate acknowledgedOn,
    String recordedBy,
    OffsetDateTime recordedAt,
    String decidedBy,
    OffsetDateTime decidedAt,
    String decision,
    String terminatedParts) {

  public boolean open() {
    return status.open();
  }

  /** R07: from when the convention may be terminated (Paris time), once the acknowledgement is recorded. */
  public Optional<ZonedDateTime> terminationPossibleFrom() {
    return Optional.ofNullable(acknowledgedOn).map(ConventionTerms::terminationPossibleFrom);
  }

  /** Where it stands, in French; an acknowledged notice whose thirty days are over awaits the decision. */
  public String statusLabel() {
    if (status == FormalNoticeStatus.ACCUSEE && !ParisTime.now().isBefore(terminationPossibleFrom().orElseThrow())) {
      return "Délai de trente jours écoulé, décision à prendre";
    }
    return status.label();
  }

  /** "3 mars 2027". */
  public String sentOnLabel() {
    return ParisTime.formatDate(sentOn);
  }

  /** "10 mars 2027", or empty until the acknowledgement is recorded. */
  public String acknowledgedOnLabel() {
    return acknowledgedOn == null ? "" : ParisTime.formatDate(acknowledgedOn);
  }

  /** "9 avril 2027" (from 0:00, Paris time), or empty until the acknowledgement is recorded. */
  public String terminationPossibleFromLabel() {
    return terminationPossibleFrom().map(from -> ParisTime.formatDate(from.toLocalDate())).orElse("");
  }

  /** The day of the outcome, or empty while the notice is open. */
  public String decidedOnLabel() {
    return decidedAt == null ? "" : ParisTime.formatDate(decidedAt.atZoneSameInstant(ParisTime.ZONE).toLocalDate());
  }

  /** "Mise en demeure du 3 mars 2027 (lettre 1A 234 567 8901 2)". */
  public String title() {
    return "Mise en demeure du " + sentOnLabel() + " (lettre " + letterReference + ")";
  }

  /**
   * The next step of an open notice, for the staff's list of deadlines; empty once it is closed.
   * E.g. "Mise en demeure : résiliation possible à partir du 9 avril 2027 (article 8)".
   */
  public String deadlineLabel() {
    if (!open()) {
      return "";
    }
    if (acknowledgedOn == null) {
      return "Mise en demeure envoyée le " + sentOnLabel() + " : accusé de réception à enregistrer";
    }
    return ParisTime.now().isBefore(terminationPossibleFrom().orElseThrow())
        ? "Mise en demeure : résiliation possible à partir du " + terminationPossibleFromLabel() + " (article 8)"
        : "Mise en demeure : délai écoulé depuis le " + terminationPossibleFromLabel() + ", décision à prendre";
  }
}
