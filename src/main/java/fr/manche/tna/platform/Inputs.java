package fr.manche.tna.platform;

/** Checks shared by every form handled on the server. */
public final class Inputs {

  private Inputs() {}

  /**
   * @return the trimmed value
   * @throws InvalidInputException in French, naming the field, when the value is missing or blank
   */
  public static String required(String value, String fieldLabel) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("Le champ « " + fieldLabel + " » est obligatoire.");
    }
    return value.trim();
  }

  /**
   * @return the trimmed value
   * @throws InvalidInputException in French when it is missing or longer than the database keeps
   */
  public static String required(String value, String fieldLabel, int maxLength) {
    return withinLength(required(value, fieldLabel), fieldLabel, maxLength);
  }

  /** @return the trimmed value, or {@code null} when blank; refused in French when too long */
  public static String optional(String value, String fieldLabel, int maxLength) {
    return withinLength(optional(value), fieldLabel, maxLength);
  }

  private static String withinLength(String value, String fieldLabel, int maxLength) {
    if (value != null && value.length() > maxLength) {
      throw new InvalidInputException("Le champ « " + fieldLabel + " » ne doit pas dépasser " + maxLength
          + " caractères (il en compte " + value.length() + ").");
    }
    return value;
  }

  /** @return the trimmed value, or {@code null} when blank */
  public static String optional(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
