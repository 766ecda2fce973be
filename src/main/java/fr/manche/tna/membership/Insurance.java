package fr.manche.tna.membership;

import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;

/**
 * The member's insurance certificate (R14: the borrower insures the equipment against theft and damage).
 *
 * @param insurer the insurance company
 * @param policyNumber the policy's number
 * @param validFrom first day covered
 * @param validUntil last day covered
 */
public record Insurance(String insurer, String policyNumber, LocalDate validFrom, LocalDate validUntil) {

  /**
   * Reads a certificate as typed by staff.
   *
   * @throws InvalidInputException in French when a field is missing or the dates are reversed
   */
  public static Insurance fromSubmitted(String insurer, String policyNumber, String validFrom, String validUntil) {
    LocalDate from = ParisTime.parseDate(validFrom, "Valable du");
    LocalDate until = ParisTime.parseDate(validUntil, "Valable jusqu'au");
    if (until.isBefore(from)) {
      throw new InvalidInputException("La fin de validité de l'assurance ne peut pas précéder son début.");
    }
    return new Insurance(Inputs.required(insurer, "Assureur", 200), Inputs.required(policyNumber, "Numéro de police", 100), from, until);
  }

  /** Whether the certificate covers the given day. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(validFrom) && !day.isAfter(validUntil);
  }
}
