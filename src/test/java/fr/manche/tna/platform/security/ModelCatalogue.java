package fr.manche.tna.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every BPMN model ({@code bpmn/**}{@code /*.bpmn}) and every Camunda Form ({@code forms/**}{@code /*.form}) of the
 * application, read from the classpath as {@code ModelDeployer} deploys them: the security tests iterate over
 * them, so that a process, a user task or a form added later is covered the day it is added.
 */
final class ModelCatalogue {

  /** A field of a Camunda Form: what the form declares about the variable of that key. */
  record Field(
      String formId,
      String key,
      String type,
      String label,
      boolean readonly,
      boolean required,
      Integer maxLength,
      String pattern,
      String validationType,
      String hideCondition,
      List<String> options,
      String valuesKey) {

    /** A checklist or taglist: its value is a list of its options. */
    boolean isList() {
      return type.equals("checklist") || type.equals("taglist");
    }

    boolean isText() {
      return type.equals("textfield") || type.equals("textarea");
    }

    boolean isSingleLineText() {
      return type.equals("textfield");
    }

    boolean isChoice() {
      return type.equals("radio") || type.equals("select");
    }

    boolean isCheckbox() {
      return type.equals("checkbox");
    }

    /** A field the person fills in (not a read-only display of a process variable). */
    boolean isInput() {
      return !readonly;
    }

    @Override
    public String toString() {
      return formId + "." + key + " (" + type + ")";
    }
  }

  /** A Camunda Form: its id (what {@code camunda:formRef} names) and its fields, in the order of the form. */
  record Form(String id, String resource, List<Field> fields) {

    /** Every key the form declares, read-only fields included. */
    Set<String> keys() {
      Set<String> keys = new LinkedHashSet<>();
      fields.forEach(field -> keys.add(field.key()));
      return keys;
    }

    List<Field> inputs() {
      return fields.stream().filter(Field::isInput).toList();
    }
  }

  /**
   * A user task of a process.
   *
   * @param assignmentVariables the process variables its assignment expressions read (assignee, candidates)
   * @param optionVariables the variables its form takes options from ({@code valuesKey}), which the server sets
   *     when the task is created
   * @param timerVariables the process variables read by the timers of the boundary events that wait on it
   *     (attached to it or to a sub-process around it) and of the event sub-processes of a sub-process around it
   */
  record UserTaskModel(
      String processKey,
      String taskId,
      String name,
      String formRef,
      Set<String> assignmentVariables,
      Set<String> timerVariables,
      Set<String> optionVariables) {

    @Override
    public String toString() {
      return processKey + "/" + taskId;
    }
  }

  /** The start form of a process and the groups its model names as starters. */
  record StartFormModel(String processKey, String startEventId, String formRef, List<String> starterGroups, String initiatorVariable) {

    @Override
    public String toString() {
      return processKey + " (start form " + formRef + ")";
    }
  }

  record ProcessModel(String key, String resource, String xml, BpmnModelInstance model, Process process) {}

  /** The one option a task holds for each {@code valuesKey} field of its form, in the security tests. */
  static final String HELD_OPTION = "option-exemple";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)(?![\\w'\"])");
  private static final Pattern MAPPING_TARGET = Pattern.compile("<camunda:(?:in|out)\\b[^>]*\\btarget=\"([^\"]+)\"");
  private static final Set<String> EL_WORDS =
      Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false", "null", "empty", "div", "mod",
          "instanceof", "execution", "task", "authenticatedUserId");
  private static final Set<String> FORM_INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist", "datetime");

  private static ModelCatalogue instance;

  private final List<ProcessModel> processes;
  private final Map<String, Form> forms;

  private ModelCatalogue(List<ProcessModel> processes, Map<String, Form> forms) {
    this.processes = processes;
    this.forms = forms;
  }

  static synchronized ModelCatalogue read() {
    if (instance == null) {
      instance = new ModelCatalogue(readProcesses(), readForms());
    }
    return instance;
  }

  List<ProcessModel> processes() {
    return processes;
  }

  Map<String, Form> forms() {
    return forms;
  }

  /** The form a {@code camunda:formRef} names; a task or start event without form declares no field. */
  Form form(String formRef) {
    if (formRef == null) {
      return new Form("(aucun formulaire)", "-", List.of());
    }
    Form form = forms.get(formRef);
    if (form == null) {
      throw new AssertionError("camunda:formRef=\"" + formRef + "\" names no form of forms/: " + forms.keySet());
    }
    return form;
  }

  List<UserTaskModel> userTasks() {
    List<UserTaskModel> tasks = new ArrayList<>();
    for (ProcessModel process : processes) {
      for (UserTask task : process.model().getModelElementsByType(UserTask.class)) {
        if (!processOf(task).getId().equals(process.key())) {
          continue;
        }
        Set<String> assignment = new LinkedHashSet<>();
        for (String text : Arrays.asList(task.getCamundaAssignee(), task.getCamundaCandidateGroups(),
            task.getCamundaCandidateUsers(), task.getCamundaDueDate(), task.getCamundaFollowUpDate(), task.getCamundaPriority())) {
          assignment.addAll(variablesIn(text));
        }
        Set<String> timers = new LinkedHashSet<>();
        for (BoundaryEvent boundary : process.model().getModelElementsByType(BoundaryEvent.class)) {
          if (encloses(boundary.getAttachedTo(), task)) {
            for (TimerEventDefinition timer : boundary.getChildElementsByType(TimerEventDefinition.class)) {
              for (ModelElementInstance definition : Arrays.asList(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())) {
                if (definition != null) {
                  timers.addAll(variablesIn(definition.getTextContent()));
                }
              }
            }
          }
        }
        // The timer start events of the event sub-processes of a scope around the task (or of the task's own).
        for (StartEvent start : process.model().getModelElementsByType(StartEvent.class)) {
          if (start.getParentElement() instanceof SubProcess eventScope && eventScope.triggeredByEvent()
              && encloses(eventScope.getParentElement(), task)) {
            for (TimerEventDefinition timer : start.getChildElementsByType(TimerEventDefinition.class)) {
              for (ModelElementInstance definition : Arrays.asList(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())) {
                if (definition != null) {
                  timers.addAll(variablesIn(definition.getTextContent()));
                }
              }
            }
          }
        }
        Set<String> optionVariables = new LinkedHashSet<>();
        if (task.getCamundaFormRef() != null && forms().containsKey(task.getCamundaFormRef())) {
          forms().get(task.getCamundaFormRef()).fields().stream().map(Field::valuesKey).filter(key -> key != null)
              .forEach(optionVariables::add);
        }
        tasks.add(new UserTaskModel(process.key(), task.getId(), task.getName(), task.getCamundaFormRef(), assignment, timers,
            optionVariables));
      }
    }
    tasks.sort(Comparator.comparing(UserTaskModel::toString));
    return tasks;
  }

  List<StartFormModel> startForms() {
    List<StartFormModel> starts = new ArrayList<>();
    for (ProcessModel process : processes) {
      for (StartEvent start : process.process().getChildElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() == null && start.getCamundaFormKey() == null) {
          continue;
        }
        if (start.getCamundaFormRef() == null) {
          throw new AssertionError(process.key() + ": start form by camunda:formKey, not a Camunda Form: the tests cannot read its fields");
        }
        String starters = process.process().getCamundaCandidateStarterGroups();
        List<String> groups = starters == null ? List.of()
            : Arrays.stream(starters.split(",")).map(String::trim).filter(group -> !group.isEmpty()).toList();
        starts.add(new StartFormModel(process.key(), start.getId(), start.getCamundaFormRef(), groups, start.getCamundaInitiator()));
      }
    }
    starts.sort(Comparator.comparing(StartFormModel::toString));
    return starts;
  }

  /**
   * Names of the process variables the models read or set of their own: identifiers of every expression
   * ({@code ${memberGroupId}}), targets of call activity mappings ({@code documentId}), initiator variables.
   * Names of Spring beans ({@code ${memberInstanceAccess}}) are left out by the caller.
   */
  Set<String> processVariableNames() {
    Set<String> names = new LinkedHashSet<>();
    for (ProcessModel process : processes) {
      names.addAll(variablesIn(process.xml()));
      Matcher target = MAPPING_TARGET.matcher(process.xml());
      while (target.find()) {
        names.add(target.group(1));
      }
      for (StartEvent start : process.model().getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaInitiator() != null) {
          names.add(start.getCamundaInitiator());
        }
      }
    }
    return names;
  }

  /** The identifiers an expression reads: {@code ${memberGroupId}} reads memberGroupId. */
  static Set<String> variablesIn(String text) {
    Set<String> names = new LinkedHashSet<>();
    if (text == null) {
      return names;
    }
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String body = expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''");
      Matcher identifier = IDENTIFIER.matcher(body);
      while (identifier.find()) {
        String name = identifier.group(1);
        int after = identifier.end();
        boolean call = after < body.length() && body.substring(after).stripLeading().startsWith("(");
        if (!EL_WORDS.contains(name) && !call) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static boolean encloses(ModelElementInstance scope, ModelElementInstance element) {
    for (ModelElementInstance current = element; current != null; current = current.getParentElement()) {
      if (current == scope) {
        return true;
      }
    }
    return false;
  }

  private static Process processOf(FlowElement element) {
    ModelElementInstance current = element;
    while (current != null && !(current instanceof Process)) {
      current = current.getParentElement();
    }
    return (Process) current;
  }

  private static List<ProcessModel> readProcesses() {
    List<ProcessModel> processes = new ArrayList<>();
    for (Resource resource : resources("classpath*:bpmn/**/*.bpmn")) {
      try (InputStream in = resource.getInputStream()) {
        byte[] bytes = in.readAllBytes();
        BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(bytes));
        String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        for (Process process : model.getModelElementsByType(Process.class)) {
          if (process.isExecutable()) {
            processes.add(new ProcessModel(process.getId(), resource.getFilename(), xml, model, process));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (processes.isEmpty()) {
      throw new AssertionError("No BPMN model found on the classpath under bpmn/");
    }
    processes.sort(Comparator.comparing(ProcessModel::key));
    return processes;
  }

  private static Map<String, Form> readForms() {
    Map<String, Form> forms = new LinkedHashMap<>();
    for (Resource resource : resources("classpath*:forms/**/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        JsonNode root = JSON.readTree(in);
        String id = root.path("id").asText();
        List<Field> fields = new ArrayList<>();
        collectFields(id, root.path("components"), fields);
        forms.put(id, new Form(id, resource.getFilename(), fields));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (forms.isEmpty()) {
      throw new AssertionError("No Camunda Form found on the classpath under forms/");
    }
    return forms;
  }

  private static void collectFields(String formId, JsonNode components, List<Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.hasNonNull("key") && FORM_INPUT_TYPES.contains(type)) {
        JsonNode validate = component.path("validate");
        List<String> options = new ArrayList<>();
        component.path("values").forEach(option -> options.add(option.path("value").asText()));
        String valuesKey = component.hasNonNull("valuesKey") ? component.get("valuesKey").asText() : null;
        if (valuesKey != null) {
          options.add(HELD_OPTION); // the option a positioned task holds (OwnedInstances.position)
        }
        fields.add(new Field(
            formId,
            component.get("key").asText(),
            type,
            component.path("label").asText(""),
            component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
            validate.path("required").asBoolean(false),
            validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
            validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
            validate.hasNonNull("validationType") ? validate.get("validationType").asText() : null,
            component.path("conditional").hasNonNull("hide") ? component.path("conditional").get("hide").asText() : null,
            options,
            valuesKey));
      } else if (component.hasNonNull("key") && !type.equals("text") && !type.equals("button")) {
        throw new AssertionError("Form " + formId + ": field " + component.get("key").asText() + " of type " + type
            + " is unknown to the security tests (ModelCatalogue.FORM_INPUT_TYPES)");
      }
      if (component.has("components")) {
        collectFields(formId, component.get("components"), fields);
      }
    }
  }

  private static Resource[] resources(String pattern) {
    try {
      return new PathMatchingResourcePatternResolver().getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
