package fr.manche.tna.platform.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Options computed by the server for a task form's select, radio, checklist or taglist that declares
 * {@code valuesKey}: the application stores them in the variable of that name (task-local, as a rule), Tasklist
 * reads that variable as JSON and form-js offers its options, and {@link FormSchema#check} accepts only their
 * values when the task is completed.
 *
 * <p>Only task forms: Tasklist loads no variable for a start form, whose {@code valuesKey} field would never
 * show an option and whose every value the server refuses.
 *
 * <p>A capability gives them in its task context, when the task is created or taken
 * ({@code TaskContext.prefill(Map.of("itemOptions", FormOptions.variable(options)))}, see {@code LoanTaskContexts}).
 */
public final class FormOptions {

  /** The serialization format Tasklist reads as JSON ({@code valueInfo.serializationDataFormat}). */
  public static final String JSON_FORMAT = Variables.SerializationDataFormats.JSON.getName();

  /** The type name stored with the options (a list); never used to deserialize, see {@code PlainJsonSerializer}. */
  public static final String LIST_TYPE_NAME = "java.util.ArrayList";

  /**
   * One option: the value the form submits and the label people read.
   *
   * @param value submitted when the option is chosen; not null
   * @param label shown; not null
   */
  public record Option(String value, String label) {
    public Option {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(label, "label");
    }
  }

  private FormOptions() {}

  /**
   * What to store as the variable a {@code valuesKey} names: an object value serialized as JSON text
   * ({@code [{"label": ..., "value": ...}]}), data format {@code application/json}, which Tasklist parses and
   * gives form-js as the field's options.
   */
  public static TypedValue variable(List<Option> options) {
    List<Map<String, Object>> json = new ArrayList<>();
    for (Option option : options) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("label", option.label());
      entry.put("value", option.value());
      json.add(entry);
    }
    String text;
    try {
      text = PlainJsonSerializer.JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("options cannot be written as JSON", e);
    }
    return Variables.serializedObjectValue(text)
        .serializationDataFormat(JSON_FORMAT)
        .objectTypeName(LIST_TYPE_NAME)
        .create();
  }

  /**
   * The option values held by a variable, as the engine gives it back: an {@link ObjectValue} of data format
   * {@code application/json} (serialized or not), its deserialized form (a list of maps), or its JSON text.
   * Nothing is ever deserialized into a class: JSON text is read into lists, maps and strings only.
   *
   * @return the values of the options, in order; empty when the variable is absent ({@code null}) or is not a
   *     JSON list of options, each with a text {@code value} (any other typed value, a Java-serialized object
   *     included, counts as no options)
   */
  public static Optional<List<String>> values(Object variableValue) {
    Object json = variableValue;
    if (variableValue instanceof ObjectValue object) {
      if (!JSON_FORMAT.equals(object.getSerializationDataFormat())) {
        return Optional.empty();
      }
      json = object.isDeserialized() ? object.getValue() : object.getValueSerialized();
    } else if (variableValue instanceof TypedValue) {
      return Optional.empty();
    }
    if (json instanceof String text) {
      try {
        json = PlainJsonSerializer.read(text);
      } catch (RuntimeException notPlainJson) {
        return Optional.empty();
      }
    }
    if (!(json instanceof List<?> list)) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (Object element : list) {
      if (!(element instanceof Map<?, ?> option) || !(option.get("value") instanceof String value)) {
        return Optional.empty();
      }
      values.add(value);
    }
    return Optional.of(List.copyOf(values));
  }
}
