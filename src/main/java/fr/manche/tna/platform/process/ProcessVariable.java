package fr.manche.tna.platform.process;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * A process variable: its name (as the models, forms and expressions write it) and its Java type, declared
 * once per process in the process's {@code *Process} class, or in {@link CommonVariables} when several
 * processes share it. Code reads and writes the variable only through it, never with a cast:
 *
 * <pre>{@code
 * public static final ProcessVariable<Long> AMENDMENT_ID = ProcessVariable.ofLong("amendmentId");
 * AMENDMENT_ID.set(execution, amendment.id());
 * long amendmentId = AMENDMENT_ID.get(execution);
 * }</pre>
 *
 * <p>What the engine stores is read back as the declared type: a {@code Long} whether the engine holds an
 * Integer or a Long (a value sent through the REST API as a JSON number), an {@link Instant} from the
 * {@code java.util.Date} a timer expression needs, an enum from its name, a Boolean from the text
 * {@code "true"}/{@code "false"} as well. Any other stored type is a programming error
 * ({@link IllegalStateException} naming the variable), never a silent cast.
 *
 * @param <T> the Java type code sees
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;
  private final Function<Object, T> reader;
  private final Function<T, Object> writer;

  private ProcessVariable(String name, Class<T> type, Function<Object, T> reader, Function<T, Object> writer) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.reader = reader;
    this.writer = writer;
  }

  /** Text: every form field but a checkbox, and logins, names, labels. */
  public static ProcessVariable<String> ofString(String name) {
    return new ProcessVariable<>(name, String.class, stored -> stored instanceof String text ? text : null, text -> text);
  }

  /**
   * The values ticked in a checklist or taglist: a list of texts (form-js sends it as JSON, read back as a list by
   * {@code platform.forms}); anything else reads as absent.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static ProcessVariable<List<String>> ofTexts(String name) {
    return new ProcessVariable<>(name, (Class<List<String>>) (Class) List.class,
        stored -> stored instanceof List<?> list && list.stream().allMatch(value -> value instanceof String)
            ? list.stream().map(String.class::cast).toList()
            : null,
        texts -> new java.util.ArrayList<>(texts));
  }

  /** An id of the application's tables; stored as a Long, read back from any whole number. */
  public static ProcessVariable<Long> ofLong(String name) {
    return new ProcessVariable<>(name, Long.class,
        stored -> stored instanceof Long || stored instanceof Integer || stored instanceof Short ? ((Number) stored).longValue() : null,
        number -> number);
  }

  /** A yes/no a gateway reads, or a checkbox (form-js sends a Boolean; {@code "true"} is read as true). */
  public static ProcessVariable<Boolean> ofBoolean(String name) {
    return new ProcessVariable<>(name, Boolean.class, stored -> {
      if (stored instanceof Boolean flag) {
        return flag;
      }
      if (stored instanceof String text && (text.equals("true") || text.equals("false"))) {
        return Boolean.valueOf(text);
      }
      return null;
    }, flag -> flag);
  }

  /** A moment, stored as the {@code java.util.Date} that a timer's {@code ${...}} date expression needs. */
  public static ProcessVariable<Instant> ofInstant(String name) {
    return new ProcessVariable<>(name, Instant.class, stored -> stored instanceof Date date ? date.toInstant() : null, Date::from);
  }

  /** One of an enum's constants, stored as its name (which gateways compare: {@code ${noticeOutcome == 'CLASSEE'}}). */
  public static <E extends Enum<E>> ProcessVariable<E> ofEnum(String name, Class<E> type) {
    return new ProcessVariable<>(name, type, stored -> {
      if (stored instanceof String text) {
        for (E constant : type.getEnumConstants()) {
          if (constant.name().equals(text)) {
            return constant;
          }
        }
      }
      return null;
    }, Enum::name);
  }

  /** The variable's name in the models, the forms and the engine. */
  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /**
   * The value, which must be set.
   *
   * @throws IllegalStateException when the variable is missing or holds another type
   */
  public T get(VariableScope scope) {
    return required(scope.getVariable(name));
  }

  /** The value, empty when the variable is missing or null. */
  public Optional<T> getOptional(VariableScope scope) {
    return from(scope.getVariable(name));
  }

  /** The value, or null when the variable is missing or null (a form field left empty). */
  public T getOrNull(VariableScope scope) {
    return getOptional(scope).orElse(null);
  }

  /** Sets the variable where the engine sets it (the scope that already holds it, else the process instance). */
  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  /** The value in a process instance or execution, read outside a delegate. */
  public T get(RuntimeService runtime, String executionId) {
    return required(runtime.getVariable(executionId, name));
  }

  public Optional<T> getOptional(RuntimeService runtime, String executionId) {
    return from(runtime.getVariable(executionId, name));
  }

  /** The value a task sees (its own, else its execution's), read outside a delegate. */
  public T get(TaskService tasks, String taskId) {
    return required(tasks.getVariable(taskId, name));
  }

  public Optional<T> getOptional(TaskService tasks, String taskId) {
    return from(tasks.getVariable(taskId, name));
  }

  /** The value the history keeps for a process instance, ended or not (its last value). */
  public Optional<T> getOptional(HistoryService history, String processInstanceId) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
        .list().stream().findFirst().map(HistoricVariableInstance::getValue).flatMap(this::from);
  }

  /** The value in a map of variables (start variables, a submission), empty when absent. */
  public Optional<T> getOptional(Map<String, ?> variables) {
    return variables == null ? Optional.empty() : from(variables.get(name));
  }

  /**
   * The name and the stored value, for a map of variables:
   * {@code Map.ofEntries(CONVENTION_ID.entry(id), ORGANISATION_ID.entry(organisationId))}.
   */
  public Map.Entry<String, Object> entry(T value) {
    return Map.entry(name, stored(Objects.requireNonNull(value, name)));
  }

  /** Puts the value, null included, into a map of variables (a submission, start variables). */
  public void put(Map<String, Object> variables, T value) {
    variables.put(name, stored(value));
  }

  private Object stored(T value) {
    return value == null ? null : writer.apply(value);
  }

  private T required(Object stored) {
    return from(stored).orElseThrow(() -> new IllegalStateException("Process variable '" + name + "' is not set"));
  }

  private Optional<T> from(Object stored) {
    if (stored == null) {
      return Optional.empty();
    }
    T value = reader.apply(stored);
    if (value == null) {
      throw new IllegalStateException(
          "Process variable '" + name + "' holds a " + stored.getClass().getSimpleName() + ", not a " + type.getSimpleName());
    }
    return Optional.of(value);
  }

  @Override
  public String toString() {
    return name + " (" + type.getSimpleName() + ")";
  }
}
