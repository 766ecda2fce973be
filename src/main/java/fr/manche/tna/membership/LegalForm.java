package fr.manche.tna.membership;

import fr.manche.tna.platform.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The legal forms that may sign the cooperation convention (R01, article 2): nobody else can. */
public enum LegalForm {
  COLLECTIVITE_TERRITORIALE("Collectivité territoriale"),
  EPCI("Établissement public de coopération intercommunale (EPCI)"),
  ASSOCIATION("Association à but non lucratif de découverte et d'initiation aux usages numériques");

  private final String label;

  LegalForm(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * R01: reads a submitted legal form.
   *
   * @throws InvalidInputException in French when the value is not one of the three allowed forms
   */
  public static LegalForm fromSubmitted(String value) {
    return Arrays.stream(values())
        .filter(form -> form.name().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Seules peuvent signer la convention (article 2) : " + allowedLabels()
                        + ". La forme juridique indiquée n'en fait pas partie."));
  }

  /** R01: the three forms that may sign, in words, e.g. for a refusal. */
  public static String allowedLabels() {
    return Arrays.stream(values()).map(LegalForm::label).collect(Collectors.joining(", "));
  }
}
