package fr.manche.tna.convention.amendment;

import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;

/**
 * One line of a convention's list of amendments, for the convention pages, with its French labels.
 *
 * @param number the amendment's number within its convention once accepted, else null
 * @param effectiveDate the day it takes effect (R06) once signed, else null
 */
public record AmendmentSummary(
    long id, Integer number, String object, AmendmentStatus status, LocalDate receivedOn, LocalDate effectiveDate) {

  static AmendmentSummary of(Amendment amendment) {
    return new AmendmentSummary(amendment.id(), amendment.number(), amendment.object(), amendment.status(),
        amendment.receivedOn(), amendment.effectiveDate());
  }

  /** "Avenant n° 2", or "Demande d'avenant" before it is numbered. */
  public String numberLabel() {
    return number == null ? "Demande d'avenant" : "Avenant n° " + number;
  }

  /** "signé", "en cours d'examen", "refusée : demande reçue hors délai"... */
  public String statusLabel() {
    return status.label();
  }

  /** "10 décembre 2028" */
  public String receivedOnLabel() {
    return ParisTime.formatDate(receivedOn);
  }

  /** "1er février 2027", or "—" while not signed. */
  public String effectiveDateLabel() {
    return effectiveDate == null ? "—" : ParisTime.formatDate(effectiveDate);
  }
}
