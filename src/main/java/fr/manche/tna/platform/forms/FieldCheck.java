package fr.manche.tna.platform.forms;

import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.forms.FormField.Type;
import fr.manche.tna.platform.forms.Submitted.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules one submitted value must follow, given its field's declaration; every refusal is one French
 * sentence naming the field by its label. See {@link FormSchema#check} for the rules as a whole.
 */
final class FieldCheck {

  /** form-js's e-mail expression ({@code validationType: email}). */
  static final Pattern EMAIL = JsPattern.compile(
      "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
          + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");

  /** A number written as text by form-js ({@code serializeToString}). */
  private static final Pattern NUMBER_TEXT = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIME = Pattern.compile("(\\d{2}:\\d{2})(Z|[+-]\\d{2}:\\d{2})?");

  private FieldCheck() {}

  /**
   * Checks the value submitted for a writable field; refused in French.
   *
   * @param allowed the values a radio, select, checklist or taglist accepts: the declared ones, or those of the
   *     variable its {@code valuesKey} names
   */
  static void check(FormField field, Submitted submitted, List<String> allowed) {
    switch (field.type()) {
      case TEXTFIELD, TEXTAREA -> checkText(field, submitted);
      case RADIO, SELECT -> checkChoice(field, submitted, allowed);
      case DATETIME -> checkDateTime(field, submitted);
      case CHECKBOX -> checkBox(field, submitted);
      case NUMBER -> checkNumber(field, submitted);
      case CHECKLIST, TAGLIST -> checkList(field, submitted, allowed);
    }
  }

  /** A field the submission does not name at all. */
  static void checkAbsent(FormField field) {
    requireIfDue(field);
  }

  private static void checkText(FormField field, Submitted submitted) {
    String text = text(field, submitted);
    if (text == null || text.isEmpty()) {
      requireIfDue(field);
      return;
    }
    checkCharacters(field, text);
    checkLength(field, text);
    if (text.isBlank()) {
      requireIfDue(field);
    }
    int length = jsTrim(text).length();
    if (field.minLength().isPresent() && length < field.minLength().getAsInt()) {
      throw refused("Le champ « " + field.label() + " » doit compter au moins " + field.minLength().getAsInt()
          + " caractères (il en compte " + length + ").");
    }
    if (field.compiledPattern() != null && !field.compiledPattern().matcher(text).find()) {
      throw refused("Le champ « " + field.label() + " » n'a pas le format attendu"
          + field.description().map(hint -> " : " + sentence(hint)).orElse("."));
    }
    if ("email".equals(field.validationType().orElse(null)) && !EMAIL.matcher(text).find()) {
      throw refused("Le champ « " + field.label()
          + " » doit contenir une adresse électronique valide, par exemple prenom.nom@exemple.fr.");
    }
  }

  private static void checkChoice(FormField field, Submitted submitted, List<String> allowed) {
    String text = text(field, submitted);
    if (text == null || text.isBlank()) {
      requireIfDue(field);
      return;
    }
    if (!allowed.contains(text)) {
      throw refused("Le champ « " + field.label() + " » doit prendre l'une des valeurs proposées.");
    }
  }

  private static void checkDateTime(FormField field, Submitted submitted) {
    String text = text(field, submitted);
    if (text == null || text.isBlank()) {
      requireIfDue(field);
      return;
    }
    String subtype = field.subtype().orElse(FormField.DATE);
    boolean valid = switch (subtype) {
      case FormField.TIME -> isTime(text);
      case FormField.DATETIME -> text.indexOf('T') > 0
          && isDate(text.substring(0, text.indexOf('T')))
          && isTime(text.substring(text.indexOf('T') + 1));
      default -> isDate(text);
    };
    if (!valid) {
      String what = switch (subtype) {
        case FormField.TIME -> "une heure valide";
        case FormField.DATETIME -> "une date et une heure valides";
        default -> "une date valide";
      };
      throw refused("Le champ « " + field.label() + " » doit contenir " + what + ".");
    }
  }

  private static void checkBox(FormField field, Submitted submitted) {
    if (submitted.kind() != Kind.BOOLEAN && submitted.kind() != Kind.NULL) {
      throw refused("Le champ « " + field.label() + " » doit être une case cochée ou non (vrai ou faux).");
    }
    if (!Boolean.TRUE.equals(submitted.value())) {
      requireIfDue(field);
    }
  }

  private static void checkNumber(FormField field, Submitted submitted) {
    BigDecimal number = number(field, submitted);
    if (number == null) {
      requireIfDue(field);
      return;
    }
    String label = field.label();
    if (field.min().isPresent() && number.compareTo(field.min().get()) < 0) {
      throw refused("Le champ « " + label + " » doit être supérieur ou égal à " + french(field.min().get()) + ".");
    }
    if (field.max().isPresent() && number.compareTo(field.max().get()) > 0) {
      throw refused("Le champ « " + label + " » doit être inférieur ou égal à " + french(field.max().get()) + ".");
    }
    if (field.decimalDigits().isPresent() && Math.max(0, number.stripTrailingZeros().scale()) > field.decimalDigits().getAsInt()) {
      int digits = field.decimalDigits().getAsInt();
      throw refused("Le champ « " + label + " » doit être "
          + (digits == 0 ? "un nombre entier." : "un nombre d'au plus " + digits + (digits == 1 ? " décimale." : " décimales.")));
    }
    if (field.increment().isPresent() && number.remainder(field.increment().get()).signum() != 0) {
      throw refused("Le champ « " + label + " » doit être un multiple de " + french(field.increment().get()) + ".");
    }
  }

  private static BigDecimal number(FormField field, Submitted submitted) {
    if (submitted.isNull()) {
      return null;
    }
    if (field.serializeToString()) {
      if (submitted.kind() == Kind.TEXT) {
        String text = (String) submitted.value();
        if (text.isEmpty()) {
          return null;
        }
        if (NUMBER_TEXT.matcher(text).matches()) {
          return new BigDecimal(text);
        }
      }
      throw notANumber(field);
    }
    if (submitted.kind() != Kind.NUMBER) {
      throw notANumber(field);
    }
    Number number = (Number) submitted.value();
    if (number instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw notANumber(field);
      }
      return BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(number.longValue());
  }

  private static void checkList(FormField field, Submitted submitted, List<String> allowed) {
    if (submitted.isNull()) {
      requireIfDue(field);
      return;
    }
    if (submitted.kind() != Kind.LIST) {
      throw notAList(field);
    }
    List<?> list = (List<?>) submitted.value();
    for (Object element : list) {
      if (!(element instanceof String value)) {
        throw notAList(field);
      }
      if (!allowed.contains(value)) {
        throw refused("Le champ « " + field.label() + " » ne peut contenir que des valeurs proposées.");
      }
    }
    if (list.isEmpty()) {
      requireIfDue(field);
    }
  }

  /** The submitted text, or {@code null}; refused when it is no text. */
  private static String text(FormField field, Submitted submitted) {
    if (submitted.kind() == Kind.TEXT || submitted.kind() == Kind.NULL) {
      return (String) submitted.value();
    }
    throw refused("Le champ « " + field.label() + " » doit être un texte.");
  }

  /**
   * No control character (log lines cannot be forged, mails and documents stay readable); a textarea may
   * hold line breaks and tabs, a textfield none. Unicode line and paragraph separators count as line breaks,
   * and half a surrogate pair as a control character.
   */
  private static void checkCharacters(FormField field, String text) {
    boolean multiline = field.type() == Type.TEXTAREA;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
        continue;
      }
      boolean lineBreak = c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
      if (lineBreak && !multiline) {
        throw refused("Le champ « " + field.label() + " » doit tenir sur une ligne, sans retour à la ligne.");
      }
      if (lineBreak || Character.isISOControl(c) || isLoneSurrogate(text, i)) {
        throw refused("Le champ « " + field.label() + " » contient un caractère non autorisé (tabulation ou caractère de contrôle).");
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
  }

  private static boolean isLoneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c);
  }

  /**
   * The declared limit counts the text without surrounding spaces, as form-js does and as the business
   * services keep it ({@code Inputs} trims); the text as sent must still fit in the engine's column.
   */
  private static void checkLength(FormField field, String text) {
    int limit = field.lengthLimit();
    int length = jsTrim(text).length();
    if (length > limit) {
      throw tooLong(field, limit, length);
    }
    if (text.length() > FormField.ENGINE_TEXT_LIMIT) {
      throw tooLong(field, FormField.ENGINE_TEXT_LIMIT, text.length());
    }
  }

  private static InvalidInputException tooLong(FormField field, int limit, int length) {
    return refused("Le champ « " + field.label() + " » ne doit pas dépasser " + limit + " caractères (il en compte "
        + length + ").");
  }

  private static boolean mustHaveValue(FormField field) {
    return field.required() && !field.conditional();
  }

  private static void requireIfDue(FormField field) {
    if (mustHaveValue(field)) {
      throw missing(field);
    }
  }

  private static InvalidInputException missing(FormField field) {
    if (field.type() == Type.CHECKBOX) {
      return refused("La case « " + field.label() + " » doit être cochée.");
    }
    return refused("Le champ « " + field.label() + " » est obligatoire.");
  }

  private static InvalidInputException notANumber(FormField field) {
    return refused("Le champ « " + field.label() + " » doit être un nombre.");
  }

  private static InvalidInputException notAList(FormField field) {
    return refused("Le champ « " + field.label() + " » doit être une liste de valeurs proposées.");
  }

  private static InvalidInputException refused(String frenchMessage) {
    return new InvalidInputException(frenchMessage);
  }

  private static boolean isDate(String text) {
    if (!DATE.matcher(text).matches()) {
      return false;
    }
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isTime(String text) {
    Matcher time = TIME.matcher(text);
    if (!time.matches()) {
      return false;
    }
    try {
      LocalTime.parse(time.group(1));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** JavaScript's {@code trim()}: without the spaces and line breaks around the text. */
  static String jsTrim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isJsSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isJsSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isJsSpace(char c) {
    return c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ' ' || c == '\u00A0'
        || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F'
        || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
  }

  /** The description as the end of a sentence: "Jour/mois/année, par exemple 15/06/2027." */
  private static String sentence(String hint) {
    String trimmed = hint.strip();
    return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?") ? trimmed : trimmed + ".";
  }

  /** 2.5 as French people write it: 2,5. */
  private static String french(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  /**
   * A submitted key, safe to quote in a message and a log: control and formatting characters removed, cut to
   * 40 characters.
   */
  static String neutralise(String key) {
    if (key == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder();
    key.codePoints()
        .filter(cp -> !Character.isISOControl(cp))
        .filter(cp -> {
          int type = Character.getType(cp);
          return type != Character.FORMAT && type != Character.LINE_SEPARATOR
              && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE
              && type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
        })
        .forEach(safe::appendCodePoint);
    if (safe.codePointCount(0, safe.length()) > 40) {
      return safe.substring(0, safe.offsetByCodePoints(0, 40)) + "…";
    }
    return safe.toString();
  }
}
