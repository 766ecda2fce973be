package fr.manche.tna.platform.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.manche.tna.platform.InvalidInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's serializer for object values of data format {@code application/json} (Camunda Spin, which would
 * provide one, is not used): what {@link FormOptions#variable} stores, read by Tasklist as JSON.
 *
 * <p>It holds plain JSON only: lists, objects (maps with text keys), texts, numbers (Integer, Long, BigInteger,
 * Double), booleans and null, read by Jackson into {@code List}, {@code Map}, {@code String}... with no
 * polymorphic typing; the {@code objectTypeName} stored with a value is one of those types' names, checked and
 * never used to choose a class. So a value set from outside (REST, {@code valueInfo.serializationDataFormat:
 * application/json}) is refused when written unless it is such JSON, and cannot make the engine instantiate a
 * class when read. An object key starting with {@code @} (Jackson's {@code @class}, {@code @type}) is refused
 * too: plain JSON names no class.
 *
 * <p>It takes only values that ask for this format explicitly: a plain {@code List} or {@code Map} set without
 * type keeps the engine's default serialization.
 */
final class PlainJsonSerializer extends AbstractObjectValueSerializer {

  /** The serializer's name, stored with each variable it writes ({@code ACT_RU_VARIABLE.TYPE_}). */
  static final String NAME = "plain-json";

  /** No default typing, no modules: JSON into lists, maps, strings, numbers and booleans only. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** The type names a stored value may carry. */
  static final Set<String> TYPE_NAMES = Set.of(
      "java.util.ArrayList", "java.util.LinkedHashMap", "java.lang.String", "java.lang.Integer", "java.lang.Long",
      "java.math.BigInteger", "java.lang.Double", "java.lang.Boolean");

  private static final String REFUSED = "Cette valeur JSON n'est pas acceptée : seuls des listes, des objets, des "
      + "textes, des nombres et des booléens le sont, sans nom de classe.";

  PlainJsonSerializer() {
    super(FormOptions.JSON_FORMAT);
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** Reads plain JSON text into lists, maps, strings, numbers, booleans or null; refuses anything else. */
  static Object read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Object read(byte[] bytes) {
    Object value;
    try {
      value = JSON.readValue(bytes, Object.class);
    } catch (IOException notJson) {
      throw new InvalidInputException(REFUSED);
    }
    requirePlain(value, 0);
    return value;
  }

  /** Only values that name this format: never an untyped value, never another format. */
  @Override
  protected boolean canWriteValue(TypedValue value) {
    return value instanceof ObjectValue object && FormOptions.JSON_FORMAT.equals(object.getSerializationDataFormat());
  }

  @Override
  protected boolean canSerializeValue(Object value) {
    try {
      requirePlain(value, 0);
      return true;
    } catch (InvalidInputException notPlain) {
      return false;
    }
  }

  /** A value set serialized (from outside, or by {@link FormOptions#variable}) is checked before it is stored. */
  @Override
  public void writeValue(ObjectValue value, ValueFields valueFields) {
    if (!value.isDeserialized() && value.getValueSerialized() != null) {
      requireTypeName(value.getObjectTypeName());
      read(value.getValueSerialized());
    }
    super.writeValue(value, valueFields);
  }

  @Override
  protected String getTypeNameForDeserialized(Object deserializedObject) {
    if (deserializedObject instanceof List<?>) {
      return "java.util.ArrayList";
    }
    if (deserializedObject instanceof Map<?, ?>) {
      return "java.util.LinkedHashMap";
    }
    return deserializedObject.getClass().getName();
  }

  @Override
  protected byte[] serializeToByteArray(Object deserializedObject) throws JsonProcessingException {
    requirePlain(deserializedObject, 0);
    return JSON.writeValueAsBytes(deserializedObject);
  }

  @Override
  protected Object deserializeFromByteArray(byte[] object, String objectTypeName) {
    requireTypeName(objectTypeName);
    return read(object);
  }

  @Override
  protected boolean isSerializationTextBased() {
    return true;
  }

  private static void requireTypeName(String objectTypeName) {
    if (objectTypeName == null || !TYPE_NAMES.contains(objectTypeName)) {
      throw new InvalidInputException(REFUSED);
    }
  }

  private static void requirePlain(Object value, int depth) {
    if (depth > 100) {
      throw new InvalidInputException(REFUSED);
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof BigInteger) {
      return;
    }
    if (value instanceof Double number) {
      if (number.isNaN() || number.isInfinite()) {
        throw new InvalidInputException(REFUSED);
      }
      return;
    }
    if (value instanceof List<?> list) {
      for (Object element : list) {
        requirePlain(element, depth + 1);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key) || key.startsWith("@")) {
          throw new InvalidInputException(REFUSED);
        }
        requirePlain(entry.getValue(), depth + 1);
      }
      return;
    }
    throw new InvalidInputException(REFUSED);
  }
}
