package fr.manche.tna.membership;

import fr.manche.tna.platform.InvalidInputException;

/** A SIRET number: 14 digits whose Luhn checksum is valid (R01: only an identified body can sign). */
public final class Siret {

  /** La Poste's establishments share one SIREN and follow their own rule (sum of digits divisible by 5). */
  private static final String LA_POSTE_SIREN = "356000000";

  private Siret() {}

  /**
   * Reads a submitted SIRET, tolerating spaces.
   *
   * @return the 14 digits
   * @throws InvalidInputException in French when it is not a valid SIRET
   */
  public static String normalise(String submitted) {
    String digits = submitted == null ? "" : submitted.replaceAll("\\s", "");
    if (!digits.matches("\\d{14}")) {
      throw new InvalidInputException(
          "Le numéro SIRET doit comporter exactement 14 chiffres (vous avez saisi « "
              + (submitted == null ? "" : submitted.trim()) + " »).");
    }
    if (!isValid(digits)) {
      throw new InvalidInputException(
          "Le numéro SIRET " + digits + " n'est pas valide (sa clé de contrôle ne correspond pas) : "
              + "vérifiez-le sur l'avis de situation au répertoire SIRENE.");
    }
    return digits;
  }

  static boolean isValid(String digits) {
    if (digits.startsWith(LA_POSTE_SIREN)) {
      return digits.chars().map(c -> c - '0').sum() % 5 == 0;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
