package fr.manche.tna.convention.amendment;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import java.time.LocalDate;

/**
 * The network referent's decision on an amendment request, checked on the server whatever the form allowed.
 *
 * @param reason why it is refused (required then), or a note when accepted
 * @param namedEffectiveDate the later effective date the amendment names, as confirmed or corrected by the
 *     referent, or null (R06: first day of the month after the last signature)
 */
public record AmendmentDecision(boolean accepted, String reason, LocalDate namedEffectiveDate) {

  public static final String ACCEPT = "accepter";
  public static final String REFUSE = "refuser";

  /**
   * Reads the review form.
   *
   * @throws InvalidInputException in French when no decision is chosen, a refusal has no reason, or the
   *     named date cannot be an effective date (R06)
   */
  public static AmendmentDecision fromSubmitted(String decision, String reason, String namedEffectiveDate, Convention convention) {
    String checkedReason = Inputs.optional(reason, "Motif ou message à l'organisation", 2000);
    if (REFUSE.equals(decision)) {
      if (checkedReason == null || checkedReason.length() < 10) {
        throw new InvalidInputException("Indiquez le motif du refus (au moins 10 caractères) : il est envoyé à l'organisation.");
      }
      return new AmendmentDecision(false, checkedReason, null);
    }
    if (!ACCEPT.equals(decision)) {
      throw new InvalidInputException("Choisissez une décision : accepter ou refuser l'avenant.");
    }
    return new AmendmentDecision(true, checkedReason, AmendmentService.namedEffectiveDate(namedEffectiveDate, convention));
  }
}
