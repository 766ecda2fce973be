package fr.manche.tna.platform.forms;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One field of a Camunda Form that writes a variable: its key (the variable's name), the label people read,
 * and what the form declares about its value. Components that write nothing (text, html, spacer, separator,
 * button, image, iframe, table) are not fields.
 *
 * <p>A field is <em>writable</em> unless it is {@code readonly} or {@code disabled}: such a field shows a
 * variable and never writes it back. It is <em>conditional</em> when it, or a group around it, has a
 * {@code conditional.hide} expression: form-js neither validates nor submits a field while it is hidden, so
 * the server, which does not evaluate the expression, lets it be absent.
 */
public final class FormField {

  /** Longest text a textfield accepts when its form declares no {@code validate.maxLength}. */
  public static final int DEFAULT_TEXTFIELD_MAX_LENGTH = 500;

  /**
   * Longest text a textarea accepts when its form declares no {@code validate.maxLength}: the engine's limit,
   * as no longer text can be stored.
   */
  public static final int DEFAULT_TEXTAREA_MAX_LENGTH = 4000;

  /**
   * The engine keeps a String variable in a {@code varchar(4000)} column ({@code ACT_RU_VARIABLE.TEXT_}, same in
   * history): no text may be longer, surrounding spaces included, and no form may declare a longer
   * {@code maxLength}.
   */
  public static final int ENGINE_TEXT_LIMIT = 4000;

  /** The form-js component types that write a variable, by their name in the form's JSON. */
  public enum Type {
    /** One line of text: a String, without line breaks. */
    TEXTFIELD("textfield"),
    /** Several lines of text: a String; line breaks and tabs allowed. */
    TEXTAREA("textarea"),
    /** One of the declared values: a String. */
    RADIO("radio"),
    /** One of the declared values: a String. */
    SELECT("select"),
    /** Ticked or not: a Boolean. */
    CHECKBOX("checkbox"),
    /** Some of the declared values: a list of Strings. */
    CHECKLIST("checklist"),
    /** Some of the declared values: a list of Strings. */
    TAGLIST("taglist"),
    /** A number (Integer, Long, Short or Double), or its text when the field declares {@code serializeToString}. */
    NUMBER("number"),
    /** A date {@code 2027-06-15}, a time {@code 14:30} or both {@code 2027-06-15T14:30}, as form-js writes them. */
    DATETIME("datetime");

    private final String schemaName;

    Type(String schemaName) {
      this.schemaName = schemaName;
    }

    /** The type's name in the form's JSON. */
    public String schemaName() {
      return schemaName;
    }

    static Optional<Type> of(String schemaName) {
      return Arrays.stream(values()).filter(type -> type.schemaName.equals(schemaName)).findFirst();
    }

    /** Whether the value is a String. */
    public boolean isText() {
      return this == TEXTFIELD || this == TEXTAREA || this == RADIO || this == SELECT || this == DATETIME;
    }

    /** Whether the value is a list of Strings. */
    public boolean isList() {
      return this == CHECKLIST || this == TAGLIST;
    }

    /** Whether the value must be one of (or, for a list, made of) the declared values. */
    public boolean hasDeclaredValues() {
      return this == RADIO || this == SELECT || isList();
    }
  }

  /** The {@code subtype} of a datetime field. */
  static final String DATE = "date";
  static final String TIME = "time";
  static final String DATETIME = "datetime";

  private final String key;
  private final String label;
  private final Type type;
  private final boolean readonly;
  private final boolean disabled;
  private final boolean conditional;
  private final boolean required;
  private final Integer minLength;
  private final Integer maxLength;
  private final String pattern;
  private final Pattern compiledPattern;
  private final String description;
  private final List<String> values;
  private final String valuesKey;
  private final String validationType;
  private final BigDecimal min;
  private final BigDecimal max;
  private final Integer decimalDigits;
  private final BigDecimal increment;
  private final boolean serializeToString;
  private final String subtype;

  FormField(
      String key,
      String label,
      Type type,
      boolean readonly,
      boolean disabled,
      boolean conditional,
      boolean required,
      Integer minLength,
      Integer maxLength,
      String pattern,
      String description,
      List<String> values,
      String valuesKey,
      String validationType,
      BigDecimal min,
      BigDecimal max,
      Integer decimalDigits,
      BigDecimal increment,
      boolean serializeToString,
      String subtype) {
    this.key = key;
    this.label = label;
    this.type = type;
    this.readonly = readonly;
    this.disabled = disabled;
    this.conditional = conditional;
    this.required = required;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.pattern = pattern;
    this.compiledPattern = pattern == null ? null : JsPattern.compile(pattern);
    this.description = description;
    this.values = List.copyOf(values);
    this.valuesKey = valuesKey;
    this.validationType = validationType;
    this.min = min;
    this.max = max;
    this.decimalDigits = decimalDigits;
    this.increment = increment;
    this.serializeToString = serializeToString;
    this.subtype = subtype;
  }

  /** The variable's name. */
  public String key() {
    return key;
  }

  /** The label people read, used in every message about the field (the key when the form gives none). */
  public String label() {
    return label;
  }

  public Type type() {
    return type;
  }

  /** Shown, never written back: dropped from a submission, whatever its value. */
  public boolean readonly() {
    return readonly;
  }

  /** Shown greyed, never submitted by form-js: dropped from a submission, whatever its value. */
  public boolean disabled() {
    return disabled;
  }

  /** Neither readonly nor disabled: the form writes this variable. */
  public boolean writable() {
    return !readonly && !disabled;
  }

  /** Hidden by a {@code conditional.hide} expression (its own or a group's) at times: it may be absent. */
  public boolean conditional() {
    return conditional;
  }

  /** {@code validate.required}: a value must be given (a checkbox must be ticked), unless the field is conditional. */
  public boolean required() {
    return required;
  }

  /** {@code validate.minLength}, counted as form-js does, without surrounding spaces. */
  public OptionalInt minLength() {
    return minLength == null ? OptionalInt.empty() : OptionalInt.of(minLength);
  }

  /** {@code validate.maxLength} as declared. */
  public OptionalInt maxLength() {
    return maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength);
  }

  /**
   * The longest text accepted, surrounding spaces not counted: the declared {@code maxLength}, else
   * {@link #DEFAULT_TEXTAREA_MAX_LENGTH} for a textarea and {@link #DEFAULT_TEXTFIELD_MAX_LENGTH} for any
   * other text.
   */
  public int lengthLimit() {
    if (maxLength != null) {
      return maxLength;
    }
    return type == Type.TEXTAREA ? DEFAULT_TEXTAREA_MAX_LENGTH : DEFAULT_TEXTFIELD_MAX_LENGTH;
  }

  /** {@code validate.pattern}: a JavaScript regular expression, searched in the value as form-js does. */
  public Optional<String> pattern() {
    return Optional.ofNullable(pattern);
  }

  Pattern compiledPattern() {
    return compiledPattern;
  }

  /** The help text shown under the field; it tells the expected format in messages. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * The declared values of a radio, select, checklist or taglist; empty for other types and for a field that
   * takes its options from a variable ({@link #valuesKey()}).
   */
  public List<String> values() {
    return values;
  }

  /**
   * {@code valuesKey} of a radio, select, checklist or taglist: the variable that holds its options, computed
   * by the server ({@link FormOptions}); its values are the only ones accepted. Only a task form can use it.
   */
  public Optional<String> valuesKey() {
    return Optional.ofNullable(valuesKey);
  }

  /** {@code validate.validationType}: {@code email} or none. */
  public Optional<String> validationType() {
    return Optional.ofNullable(validationType);
  }

  /** {@code validate.min} of a number field. */
  public Optional<BigDecimal> min() {
    return Optional.ofNullable(min);
  }

  /** {@code validate.max} of a number field. */
  public Optional<BigDecimal> max() {
    return Optional.ofNullable(max);
  }

  /** {@code decimalDigits} of a number field: at most that many digits after the decimal point. */
  public OptionalInt decimalDigits() {
    return decimalDigits == null ? OptionalInt.empty() : OptionalInt.of(decimalDigits);
  }

  /** {@code increment} of a number field: the value must be a multiple of it. */
  public Optional<BigDecimal> increment() {
    return Optional.ofNullable(increment);
  }

  /** {@code serializeToString} of a number field: form-js then submits the number as text. */
  public boolean serializeToString() {
    return serializeToString;
  }

  /** {@code subtype} of a datetime field: {@code date}, {@code time} or {@code datetime}. */
  public Optional<String> subtype() {
    return Optional.ofNullable(subtype);
  }

  @Override
  public String toString() {
    return type.schemaName() + " " + key;
  }
}
