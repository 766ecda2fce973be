package fr.manche.tna.convention.renewal;

import fr.manche.tna.platform.time.ParisTime;
import java.time.OffsetDateTime;

/**
 * A renewal of a convention proposed by the département's staff and answered by the member (R03).
 *
 * @param conventionId the convention to renew
 * @param successorId the renewed convention, once the member accepted
 * @param message the staff's message to the member, or null
 * @param answeredBy login of the member's person who answered (or null while unanswered or expired)
 */
public record Renewal(
    long id,
    long conventionId,
    Long successorId,
    String processInstanceId,
    RenewalStatus status,
    String proposedBy,
    OffsetDateTime proposedAt,
    String message,
    String answeredBy,
    OffsetDateTime answeredAt,
    String declineReason) {

  /** "Renouvellement proposé le 5 décembre 2028 : accepté par l'organisation le 12 décembre 2028", in French. */
  public String label() {
    String proposed = "Renouvellement proposé le " + ParisTime.formatDate(proposedAt.atZoneSameInstant(ParisTime.ZONE).toLocalDate());
    return switch (status) {
      case PROPOSEE -> proposed + ", en attente de la réponse de l'organisation";
      case ACCEPTEE -> proposed + ", accepté le " + answeredOn() + (successorId == null ? "" : " (nouvelle convention n° " + successorId + ")");
      case DECLINEE -> proposed + ", refusé par l'organisation le " + answeredOn() + (declineReason == null ? "" : " : « " + declineReason + " »");
      case EXPIREE -> proposed + ", expiré sans réponse à la fin de la convention";
    };
  }

  public boolean open() {
    return status == RenewalStatus.PROPOSEE;
  }

  private String answeredOn() {
    return answeredAt == null ? "" : ParisTime.formatDate(answeredAt.atZoneSameInstant(ParisTime.ZONE).toLocalDate());
  }
}
