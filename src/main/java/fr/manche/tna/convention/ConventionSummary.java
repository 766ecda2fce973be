package fr.manche.tna.convention;

import fr.manche.tna.platform.time.ParisTime;
import java.time.OffsetDateTime;

/** One line of the staff's list of conventions. */
public record ConventionSummary(
    long id,
    long organisationId,
    String organisationName,
    ConventionStatus status,
    OffsetDateTime appliedAt,
    OffsetDateTime decidedAt,
    OffsetDateTime welcomeMeetingAt) {

  public String statusLabel() {
    return switch (status) {
      case EN_EXAMEN -> "Demande en cours d'examen";
      case A_COMPLETER -> "Compléments demandés";
      case ACCEPTEE -> "Demande acceptée, à signer";
      case REFUSEE -> "Demande refusée";
    };
  }

  /** The next date that matters, in words, or an empty text. */
  public String nextDeadline() {
    if (status == ConventionStatus.ACCEPTEE && welcomeMeetingAt != null && welcomeMeetingAt.toInstant().isAfter(ParisTime.now().toInstant())) {
      return "Rendez-vous d'accueil le " + ParisTime.formatDateTime(welcomeMeetingAt.atZoneSameInstant(ParisTime.ZONE));
    }
    return "";
  }

  public String appliedOn() {
    return ParisTime.formatDate(appliedAt.atZoneSameInstant(ParisTime.ZONE).toLocalDate());
  }
}
