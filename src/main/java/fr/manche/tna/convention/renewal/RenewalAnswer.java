package fr.manche.tna.convention.renewal;

import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The member's answer to a renewal proposal (R03), checked on the server: accepted with the person who will
 * sign the renewed convention, or declined with an optional reason.
 */
public record RenewalAnswer(boolean accepted, String signatoryName, String signatoryRole, String signatoryEmail, String declineReason) {

  /** Values of the answer form's radio field. */
  public static final String ACCEPT = "accepter";
  public static final String DECLINE = "refuser";

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /**
   * Reads the answer form.
   *
   * @throws InvalidInputException in French when no answer is chosen, or when an acceptance does not name
   *     its signatory with a valid e-mail address, or a text is too long
   */
  public static RenewalAnswer fromSubmitted(String answer, String name, String role, String email, String reason) {
    if (ACCEPT.equals(answer)) {
      String address = Inputs.required(email, "Courriel du signataire", 320);
      if (!EMAIL.matcher(address).matches()) {
        throw new InvalidInputException(
            "L'adresse électronique du signataire « " + address + " » n'est pas valide (exemple : nom@commune.fr) : "
                + "c'est à cette adresse que la convention renouvelée lui sera envoyée pour signature.");
      }
      return new RenewalAnswer(
          true, Inputs.required(name, "Nom du signataire", 200), Inputs.required(role, "Qualité du signataire", 200), address, null);
    }
    if (DECLINE.equals(answer)) {
      return new RenewalAnswer(false, null, null, null, Inputs.optional(reason, "Motif du refus", 2000));
    }
    throw new InvalidInputException("Choisissez une réponse : accepter ou refuser le renouvellement de la convention.");
  }
}
