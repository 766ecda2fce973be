package fr.manche.tna.platform.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.manche.tna.platform.forms.FormField.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a Camunda Form (form-js schema, JSON) into a {@link FormSchema}.
 *
 * <p>Every declaration that decides what a submission may hold is read; one the server cannot hold a
 * submission to is refused here, naming the form and the field, so that whoever adds it to a form extends
 * this check first rather than let it pass unchecked: a group with a {@code path} or a dynamic list (their
 * fields write one object or list variable), an expression field (computed in the browser), a key with a dot
 * (a nested object), options taken from an expression ({@code valuesExpression}; options from a variable,
 * {@code valuesKey}, are checked against that variable, see {@link FormOptions}), a FEEL expression in {@code readonly},
 * {@code disabled} or {@code validate}, a {@code validationType} other than {@code email}, a {@code maxLength}
 * above {@value FormField#ENGINE_TEXT_LIMIT}, a pattern Java cannot read, an unknown component type. These
 * messages are for developers, in English.
 */
final class FormReader {

  /** Components that write no variable. */
  private static final Set<String> DISPLAY_ONLY =
      Set.of("text", "html", "spacer", "separator", "button", "image", "iframe", "table");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String origin;

  private FormReader(String origin) {
    this.origin = origin;
  }

  /**
   * @param origin where the form comes from, for messages ({@code forms/convention/X.form})
   * @throws IllegalStateException when the form is not JSON or declares what the server cannot check
   */
  static FormSchema read(String origin, String json) {
    return new FormReader(origin).read(json);
  }

  private FormSchema read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(origin + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    String id = root.path("id").asText("");
    if (id.isBlank()) {
      throw new IllegalStateException(origin + " has no id");
    }
    List<FormField> fields = new ArrayList<>();
    walk(root.path("components"), false, fields);
    Set<String> keys = new HashSet<>();
    for (FormField field : fields) {
      if (!keys.add(field.key())) {
        throw new IllegalStateException(origin + " declares the key '" + field.key() + "' twice");
      }
    }
    return new FormSchema(id, fields);
  }

  private void walk(JsonNode components, boolean insideConditional, List<FormField> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      boolean conditional = insideConditional || hasHideCondition(component);
      if (DISPLAY_ONLY.contains(type)) {
        continue;
      }
      if (type.equals("group")) {
        if (!component.path("path").asText("").isBlank()) {
          throw unsupported(component, "a group with a path writes one object variable");
        }
        walk(component.path("components"), conditional, fields);
        continue;
      }
      Type fieldType =
          Type.of(type).orElseThrow(() -> unsupported(component, "component type '" + type + "' is not checked"));
      fields.add(field(component, fieldType, conditional));
    }
  }

  private FormField field(JsonNode component, Type type, boolean conditional) {
    String key = component.path("key").asText("");
    if (key.isBlank()) {
      throw unsupported(component, "a " + type.schemaName() + " needs a key");
    }
    if (key.contains(".")) {
      throw unsupported(component, "a key with a dot writes a nested object");
    }
    JsonNode validate = component.path("validate");
    String validationType = text(component, validate, "validationType");
    if (validationType != null && !validationType.equals("email") && !validationType.equals("custom")) {
      throw unsupported(component, "validationType '" + validationType + "' is not checked");
    }
    Integer maxLength = integer(component, validate, "maxLength");
    if (maxLength != null && maxLength > FormField.ENGINE_TEXT_LIMIT) {
      throw unsupported(component, "maxLength " + maxLength + " is above the " + FormField.ENGINE_TEXT_LIMIT
          + " characters the engine stores in a String variable");
    }
    JsonNode patternNode = validate.path("pattern");
    if (!patternNode.isMissingNode() && !patternNode.isNull() && !patternNode.isTextual()) {
      throw unsupported(component, "pattern must be a string, not " + patternNode);
    }
    String pattern = patternNode.asText("").isEmpty() ? null : patternNode.asText();
    BigDecimal increment = decimal(component, component, "increment");
    if (increment != null && increment.signum() <= 0) {
      throw unsupported(component, "increment must be positive");
    }
    String label = component.path("label").asText("");
    String description = component.path("description").asText("");
    try {
      return new FormField(
          key,
          label.isBlank() || label.startsWith("=") ? key : label.strip(),
          type,
          flag(component, component, "readonly"),
          flag(component, component, "disabled"),
          conditional,
          flag(component, validate, "required"),
          integer(component, validate, "minLength"),
          maxLength,
          pattern,
          description.isBlank() || description.startsWith("=") ? null : description.strip(),
          values(component, type),
          valuesKey(component, type),
          "email".equals(validationType) ? validationType : null,
          decimal(component, validate, "min"),
          decimal(component, validate, "max"),
          integer(component, component, "decimalDigits"),
          increment,
          flag(component, component, "serializeToString"),
          type == Type.DATETIME ? component.path("subtype").asText(FormField.DATE) : null);
    } catch (IllegalArgumentException unreadablePattern) {
      throw unsupported(component, unreadablePattern.getMessage());
    }
  }

  private List<String> values(JsonNode component, Type type) {
    if (!type.hasDeclaredValues()) {
      return List.of();
    }
    if (component.has("valuesExpression")) {
      throw unsupported(component, "options from an expression cannot be checked");
    }
    if (component.has("valuesKey")) {
      if (component.has("values")) {
        throw unsupported(component, "declare values or a valuesKey, not both");
      }
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (JsonNode option : component.path("values")) {
      JsonNode value = option.path("value");
      if (!value.isTextual()) {
        throw unsupported(component, "option values must be strings");
      }
      values.add(value.asText());
    }
    if (values.isEmpty()) {
      throw unsupported(component, "a " + type.schemaName() + " needs declared values");
    }
    return values;
  }

  /** The variable a {@code valuesKey} names: a plain name, as a field's key. */
  private String valuesKey(JsonNode component, Type type) {
    if (!type.hasDeclaredValues() || !component.has("valuesKey")) {
      return null;
    }
    JsonNode node = component.path("valuesKey");
    if (!node.isTextual() || node.asText().isBlank() || node.asText().contains(".") || node.asText().startsWith("=")) {
      throw unsupported(component, "valuesKey must name a variable (no dot, no expression), not " + node);
    }
    return node.asText();
  }

  private static boolean hasHideCondition(JsonNode component) {
    return !component.path("conditional").path("hide").asText("").isBlank();
  }

  private boolean flag(JsonNode component, JsonNode parent, String name) {
    JsonNode node = parent.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw unsupported(component, name + " must be true or false, not " + node);
    }
    return node.booleanValue();
  }

  private Integer integer(JsonNode component, JsonNode parent, String name) {
    BigDecimal value = decimal(component, parent, name);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw unsupported(component, name + " must be a whole number, not " + value);
    }
  }

  private BigDecimal decimal(JsonNode component, JsonNode parent, String name) {
    JsonNode node = parent.path(name);
    if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    try {
      return new BigDecimal(node.asText().strip());
    } catch (NumberFormatException e) {
      throw unsupported(component, name + " must be a number, not " + node + " (FEEL expressions are not checked)");
    }
  }

  private String text(JsonNode component, JsonNode parent, String name) {
    JsonNode node = parent.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.asText().startsWith("=")) {
      throw unsupported(component, name + " must be a plain string, not " + node);
    }
    return node.asText();
  }

  private IllegalStateException unsupported(JsonNode component, String reason) {
    String name = component.path("key").asText(component.path("id").asText("?"));
    return new IllegalStateException(origin + ", field '" + name + "': " + reason
        + "; extend fr.manche.tna.platform.forms before using it");
  }
}
