package fr.manche.tna.platform.forms;

import fr.manche.tna.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What a Camunda Form declares: its id (the file name) and the fields that write variables, nested groups
 * flattened. {@link #check} holds a submission to that declaration, so that the server accepts from a form
 * exactly what the form lets people enter in Tasklist, whoever calls (Tasklist, the REST API, Java).
 */
public final class FormSchema {

  private final String id;
  private final List<FormField> fields;
  private final Map<String, FormField> byKey = new LinkedHashMap<>();

  FormSchema(String id, List<FormField> fields) {
    this.id = id;
    this.fields = List.copyOf(fields);
    this.fields.forEach(field -> byKey.put(field.key(), field));
  }

  /** The form's {@code id}, which is also its file name. */
  public String id() {
    return id;
  }

  /** The fields that write a variable (readonly and disabled ones included), in the form's order. */
  public List<FormField> fields() {
    return fields;
  }

  /** The field of that key, if the form declares one. */
  public Optional<FormField> field(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /**
   * Checks a submission of this form and gives what may be applied.
   *
   * <p>The submission is a plain map or a Camunda {@link VariableMap}; a typed value is judged by its type
   * ({@link VariableMap#getValueTyped}) and an object, JSON or XML value is never deserialized. The rules:
   * <ul>
   *   <li>a key the form does not declare is refused;
   *   <li>a readonly or disabled field is dropped, whatever its value: it shows a variable, never writes it
   *       (form-js submits readonly fields back unchanged, not disabled ones);
   *   <li>types: textfield, textarea, radio, select and datetime take a String or null; checkbox a Boolean;
   *       number an Integer, Long, Short or Double (its text when the field declares
   *       {@code serializeToString}, as form-js then sends it); checklist and taglist a list of Strings.
   *       Anything else (bytes, file, date, object or JSON value, map, a number for a text, a list for a
   *       text...) is refused;
   *   <li>text: a textfield holds no line break, tab nor other control character; a textarea may hold line
   *       breaks and tabs, no other control character; at most {@link FormField#lengthLimit()} characters
   *       without surrounding spaces (the declared {@code maxLength}, else
   *       {@value FormField#DEFAULT_TEXTFIELD_MAX_LENGTH} for a textfield,
   *       {@value FormField#DEFAULT_TEXTAREA_MAX_LENGTH} for a textarea) and at most
   *       {@value FormField#ENGINE_TEXT_LIMIT} as sent;
   *   <li>a required field that is not conditional must be given: missing, null, blank, an empty list or an
   *       unticked checkbox is refused; a conditional field may be absent, null or blank, since form-js does
   *       not submit it while it is hidden and the server does not evaluate the condition;
   *   <li>a given text is held, as form-js holds it, to {@code minLength} (without surrounding spaces), to
   *       {@code pattern} (a JavaScript expression searched in the text, see {@code JsPattern}) and to
   *       {@code validationType: email} (form-js's expression); the message then quotes the field's
   *       description as the expected format;
   *   <li>a radio or select value is one of the declared values (or blank when allowed); every element of a
   *       checklist or taglist is. For a field with a {@code valuesKey}, the values are those of the options
   *       held by the variable it names ({@link FormOptions#values}); with no such variable, no value but a
   *       blank one is accepted;
   *   <li>a number stays within {@code min} and {@code max}, {@code decimalDigits} and {@code increment};
   *       a datetime is what form-js writes ({@code 2027-06-15}, {@code 14:30}, {@code 14:30+02:00},
   *       {@code 2027-06-15T14:30Z}).
   * </ul>
   * Undeclared keys are reported first, then the fields in the form's order: the first fault found is the
   * one reported.
   *
   * @param submitted the submitted variables, by name; {@code null} is an empty submission
   * @param variables the variables the task already holds, by name ({@code null} when absent): read only for
   *     the fields with a {@code valuesKey}, as the engine gives them back (typed values not deserialized are
   *     best)
   * @return a new map of the variables to apply, values unchanged (typed values stay typed), readonly and
   *     disabled fields left out
   * @throws InvalidInputException one French sentence naming the field by its label, quoting an undeclared
   *     key only cut to 40 characters and without control characters
   */
  public Map<String, Object> check(Map<String, ?> submitted, Function<String, ?> variables) {
    Map<String, Object> values = values(submitted);
    for (String key : values.keySet()) {
      if (!byKey.containsKey(key)) {
        throw new InvalidInputException("Ce formulaire n'a pas de champ « " + FieldCheck.neutralise(key) + " ».");
      }
    }
    for (FormField field : fields) {
      if (!field.writable()) {
        continue;
      }
      if (values.containsKey(field.key())) {
        FieldCheck.check(field, Submitted.of(values.get(field.key())), allowed(field, variables));
      } else {
        FieldCheck.checkAbsent(field);
      }
    }
    Map<String, Object> accepted = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (byKey.get(key).writable()) {
        accepted.put(key, value);
      }
    });
    return accepted;
  }

  /**
   * {@link #check(Map, Function)} with no variable: a start form's submission, where a {@code valuesKey} field
   * accepts no value (Tasklist loads no variable for a start form, so it could offer no option).
   */
  public Map<String, Object> check(Map<String, ?> submitted) {
    return check(submitted, name -> null);
  }

  /** The values a choice field accepts: the declared ones, or the options of its {@code valuesKey} variable. */
  private static List<String> allowed(FormField field, Function<String, ?> variables) {
    if (field.valuesKey().isEmpty()) {
      return field.values();
    }
    Object variable = variables == null ? null : variables.apply(field.valuesKey().get());
    return FormOptions.values(variable).orElse(List.of());
  }

  /** The submitted values, typed ones as typed values, without deserializing anything. */
  private static Map<String, Object> values(Map<String, ?> submitted) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (submitted instanceof VariableMap variables) {
      for (String key : variables.keySet()) {
        values.put(key, variables.getValueTyped(key));
      }
    } else if (submitted != null) {
      values.putAll(submitted);
    }
    return values;
  }

  @Override
  public String toString() {
    return id;
  }
}
