package fr.manche.tna.platform.forms;

import fr.manche.tna.platform.InvalidInputException;

import java.util.List;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What kind of value was submitted for a field, told without deserializing anything.
 *
 * <p>A submission is a plain map or a Camunda {@code VariableMap}, whose values may be typed. A typed value is
 * judged by its type only: an object, JSON or XML value (a {@link SerializableValue}) is never opened, since
 * opening a serialized one would deserialize what a caller sent. A primitive typed value (String, Boolean,
 * numbers) is read; an untyped one ({@code Variables.untypedValue}, what the REST API makes of a value sent
 * without type) is judged by the Java object it holds.
 *
 * @param kind what the value is
 * @param value the String, Boolean, Number or List for those kinds (may be {@code null} for a typed null),
 *     else {@code null}
 */
record Submitted(Kind kind, Object value) {

  enum Kind {
    /** No value: Java {@code null}, an untyped null or the engine's null type. */
    NULL,
    /** A String (typed String or plain). */
    TEXT,
    /** A Boolean. */
    BOOLEAN,
    /** An Integer, Long, Short or Double: the numbers the engine stores as such. */
    NUMBER,
    /** A plain Java list (the engine would store it as an object). */
    LIST,
    /** Anything else: bytes, file, date, object, JSON, map, other numbers... refused wherever a value is checked. */
    OTHER
  }

  static Submitted of(Object raw) {
    if (raw instanceof TypedValue typed) {
      return ofTyped(typed);
    }
    return ofPlain(raw);
  }

  private static Submitted ofTyped(TypedValue typed) {
    if (typed instanceof SerializableValue serializable) {
      return ofSerializable(serializable);
    }
    ValueType type = typed.getType();
    if (type == null) {
      return ofPlain(typed.getValue());
    }
    if (type == ValueType.NULL) {
      return new Submitted(Kind.NULL, null);
    }
    if (type == ValueType.STRING) {
      return new Submitted(Kind.TEXT, typed.getValue());
    }
    if (type == ValueType.BOOLEAN) {
      return new Submitted(Kind.BOOLEAN, typed.getValue());
    }
    if (type == ValueType.INTEGER || type == ValueType.LONG || type == ValueType.SHORT || type == ValueType.DOUBLE) {
      return new Submitted(Kind.NUMBER, typed.getValue());
    }
    return new Submitted(Kind.OTHER, null);
  }

  /**
   * What Tasklist sends for a checklist or taglist whose options come from a variable: the list as JSON text in
   * the options' format ({@link FormOptions#JSON_FORMAT}), read as plain JSON (no class is ever named or made).
   * Any other serialized value is {@link Kind#OTHER}, refused by every field.
   */
  private static Submitted ofSerializable(SerializableValue serializable) {
    if (FormOptions.JSON_FORMAT.equals(serializable.getSerializationDataFormat()) && !serializable.isDeserialized()
        && serializable.getValueSerialized() != null) {
      try {
        return ofPlain(PlainJsonSerializer.read(serializable.getValueSerialized()));
      } catch (InvalidInputException notPlain) {
        return new Submitted(Kind.OTHER, null);
      }
    }
    return new Submitted(Kind.OTHER, null);
  }

  private static Submitted ofPlain(Object raw) {
    if (raw == null) {
      return new Submitted(Kind.NULL, null);
    }
    if (raw instanceof String) {
      return new Submitted(Kind.TEXT, raw);
    }
    if (raw instanceof Boolean) {
      return new Submitted(Kind.BOOLEAN, raw);
    }
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Double) {
      return new Submitted(Kind.NUMBER, raw);
    }
    if (raw instanceof List<?>) {
      return new Submitted(Kind.LIST, raw);
    }
    return new Submitted(Kind.OTHER, null);
  }

  /** No value at all: null, or a typed value holding null (never a value of another kind, e.g. an object). */
  boolean isNull() {
    return kind == Kind.NULL;
  }
}
