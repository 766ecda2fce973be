package fr.manche.tna.platform.security;

import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.forms.FormCatalog;
import fr.manche.tna.platform.forms.FormSchema;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceReportImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceReportImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.TaskReportImpl;
import org.camunda.bpm.engine.impl.batch.BatchStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetUniqueTaskWorkerCountCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTableCountCmd;
import org.camunda.bpm.engine.impl.cmd.GetTableMetaDataCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The engine's trust boundary: every command a logged-in person sends (through Tasklist, the webapps' API or
 * {@code /engine-rest}) is checked here, inside the engine, before it runs. Commands the application runs
 * for itself (delegates, the job executor, nested commands) are not.
 *
 * <ul>
 *   <li><b>A submission sets only what its form declares.</b> Starting a process and completing, submitting
 *       or resolving a task carry variables; they must be the fields of the start event's or the user task's
 *       form ({@code camunda:formRef}, read from {@code forms/}), of the right type and within the form's
 *       rules ({@link FormSchema#check}); read-only fields are dropped. A task form's field with a
 *       {@code valuesKey} takes one of the options the task's variable of that name holds
 *       ({@code platform.forms.FormOptions}); a start form's takes none. A process or task without a form
 *       accepts no variable. So the ids a process relies on ({@code documentId}, {@code requestId}...) cannot
 *       be set by a user. The caller's right to the task or the process is checked first, so that a refusal
 *       tells nothing about another organisation's task.
 *   <li><b>A process starts at its start.</b> Only administrators start an instance at another activity.
 *   <li><b>Messages and signals are the services' own</b>: a person's correlation (REST {@code /message},
 *       {@code /signal}) is refused, but an administrator's; the services send them after checking the records.
 *   <li><b>One claims a task for oneself</b>, unless allowed to assign it ({@code TASK_ASSIGN}, staff).
 *   <li><b>A member learns nothing of what is not theirs</b>: a task or job of another organisation is answered
 *       like one that does not exist.
 *   <li><b>A caller's query carries no expression</b> (top level or {@code orQueries}, and the query extending
 *       a filter); stored filters hold only the current user and their groups ({@link ModelExpressionManager}).
 *   <li><b>Counts over every organisation</b> (statistics, reports, metrics, table counts) are for those who
 *       may open Cockpit.
 *   <li><b>A refusal reaches the caller as itself</b>: an {@link InvalidInputException} wrapped by the engine
 *       (a task listener's "ENGINE-03051 …") is unwrapped, so the engine logs it below ERROR and the API
 *       answers its French sentence (see {@code platform.web.RefusalMappers}).
 * </ul>
 */
final class CallerCommandGuard extends CommandInterceptor {

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private static final List<Class<?>> NETWORK_WIDE_COUNTS =
      List.of(ProcessDefinitionStatisticsQueryImpl.class, ActivityStatisticsQueryImpl.class,
          DeploymentStatisticsQueryImpl.class, HistoricActivityStatisticsQueryImpl.class,
          HistoricDecisionInstanceStatisticsQueryImpl.class, HistoricProcessInstanceReportImpl.class,
          HistoricTaskInstanceReportImpl.class, TaskReportImpl.class, BatchStatisticsQueryImpl.class,
          MetricsQueryImpl.class, GetUniqueTaskWorkerCountCmd.class, GetTableCountCmd.class, GetTableMetaDataCmd.class);

  /** What a member is told of a task or job that does not exist or is not theirs: the same sentence. */
  static final String NOT_FOUND = "Impossible : cet élément n'existe pas, ou vous n'y avez pas accès.";

  private final FormCatalog forms;
  /** Form id of a start event or user task, by process definition id and activity id ("" when none). */
  private final Map<String, String> formIds = new ConcurrentHashMap<>();

  CallerCommandGuard(FormCatalog forms) {
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    int depth = DEPTH.get();
    DEPTH.set(depth + 1);
    try {
      CommandContext context = Context.getCommandContext();
      if (depth == 0 && context != null && context.getAuthenticatedUserId() != null) {
        inspect(command, context);
      }
      return next.execute(command);
    } catch (RuntimeException failure) {
      throw InvalidInputException.in(failure).map(RuntimeException.class::cast).orElse(failure);
    } finally {
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  private void inspect(Command<?> command, CommandContext context) {
    if (!mayOpenCockpit(context)) {
      hideWhatIsNotTheirs(command, context);
    }
    if (command instanceof SubmitStartFormCmd) {
      ProcessDefinitionEntity definition = definitionById(context, read(command, "processDefinitionId"));
      checkStart(context, definition, read(command, "variables"));
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      refuseUnlessAdministrator(context);
    } else if (command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
        || command instanceof SignalEventReceivedCmd || command instanceof SignalCmd) {
      // A process's messages and signals (a loan cancelled, extended, a convention terminated) are sent by the
      // services that first check and change the records; nobody sends them by hand but an administrator.
      refuseUnlessAdministrator(context, "Cette action se fait depuis la page ou la tâche prévue pour elle, pas par un message.");
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = read(command, "instantiationBuilder");
      if (!builder.getModificationBuilder().getModificationOperations().isEmpty()) {
        refuseUnlessAdministrator(context);
      }
      ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
          ? definitionById(context, builder.getProcessDefinitionId())
          : cache(context).findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
      checkStart(context, definition, builder.getVariables());
    } else if (command instanceof SubmitTaskFormCmd) {
      checkTask(context, read(command, "taskId"), read(command, "properties"));
    } else if (command instanceof CompleteTaskCmd) { // and ResolveTaskCmd
      checkTask(context, read(command, "taskId"), read(command, "variables"));
    } else if (command instanceof ClaimTaskCmd) {
      checkClaim(context, read(command, "taskId"), read(command, "userId"));
    } else if (command instanceof TaskQueryImpl query) {
      refuseExpressions(query);
    } else if (command instanceof AbstractExecuteFilterCmd) {
      if (read(command, "extendingQuery") instanceof TaskQueryImpl extending) {
        refuseExpressions(extending);
      }
    } else if (NETWORK_WIDE_COUNTS.stream().anyMatch(type -> type.isInstance(command)) && !mayOpenCockpit(context)) {
      throw new AuthorizationException("Ces chiffres portent sur tout le réseau : ils sont réservés aux agents du Département.");
    }
  }

  /**
   * A member addressing a task or a job that is not theirs gets the answer of one that does not exist (the
   * engine would otherwise answer "forbidden" for one and "not found", or worse, for the other).
   */
  private static void hideWhatIsNotTheirs(Command<?> command, CommandContext context) {
    if (command instanceof AbstractQuery) {
      return; // a query filtered on an id that is not theirs simply finds nothing
    }
    String taskId = optionalField(command, command instanceof GetTaskFormVariablesCmd ? "resourceId" : "taskId");
    if (taskId != null) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null || !context.getTenantManager().isAuthenticatedTenant(task.getTenantId()) || !mayRead(context, task)) {
        throw new NotFoundException(NOT_FOUND);
      }
    }
    String jobId = optionalField(command, "jobId");
    if (jobId != null && context.getJobManager().findJobById(jobId) == null) {
      throw new NotFoundException(NOT_FOUND);
    }
  }

  /** The engine's own rule for reading a task (the task, or the tasks of its process definition). */
  private static boolean mayRead(CommandContext context, TaskEntity task) {
    try {
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkReadTask(task);
      }
      return true;
    } catch (AuthorizationException notTheirs) {
      return false;
    }
  }

  /** Only the queries stored by administrators (Tasklist's filters) may hold an expression: none sent by a caller. */
  private static void refuseExpressions(TaskQueryImpl query) {
    if (query.getQueries().stream().anyMatch(part -> !part.getExpressions().isEmpty()) || !query.getExpressions().isEmpty()) {
      throw new InvalidInputException("Les expressions sont interdites dans les requêtes.");
    }
  }

  private void checkStart(CommandContext context, ProcessDefinitionEntity definition, Map<String, Object> variables) {
    if (definition == null) {
      return; // the command itself says it does not exist
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkCreateProcessInstance(definition);
    }
    String formId = formIds.computeIfAbsent(definition.getId() + "#start", key -> startFormId(context, definition));
    apply(formId, variables, name -> null); // no instance yet: a valuesKey field has no options, takes no value
  }

  private void checkTask(CommandContext context, String taskId, Map<String, Object> variables) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return; // the command itself says it does not exist; the application has no standalone task
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    String formId = formIds.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> taskFormId(context, task));
    // options of valuesKey fields: the task's variables (its own, then its execution's), never deserialized
    apply(formId, variables, name -> task.getVariableTyped(name, false));
  }

  private void checkClaim(CommandContext context, String taskId, String userId) {
    if (userId == null || userId.equals(context.getAuthenticatedUserId())) {
      return;
    }
    if (!context.getAuthorizationManager().isAuthorized(Permissions.TASK_ASSIGN, Resources.TASK, taskId)) {
      throw new InvalidInputException("Vous ne pouvez prendre une tâche que pour vous-même.");
    }
  }

  /**
   * Checks the submission against its form and drops its read-only fields from it.
   *
   * @param held the variables the task already holds, for the options of {@code valuesKey} fields
   */
  private void apply(String formId, Map<String, Object> variables, Function<String, ?> held) {
    Map<String, Object> submitted = variables == null ? Map.of() : variables;
    Optional<FormSchema> form = formId.isEmpty() ? Optional.empty() : forms.find(formId);
    if (form.isEmpty()) {
      if (!submitted.isEmpty()) {
        throw new InvalidInputException("Cette étape ne prend aucune donnée : rien n'a été enregistré.");
      }
      return;
    }
    Map<String, Object> accepted = form.get().check(submitted, held);
    if (variables != null) {
      variables.keySet().retainAll(accepted.keySet());
    }
  }

  private void refuseUnlessAdministrator(CommandContext context) {
    refuseUnlessAdministrator(context, "Une demande se démarre par son formulaire, depuis son début.");
  }

  private static void refuseUnlessAdministrator(CommandContext context, String refusal) {
    if (!context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
      throw new InvalidInputException(refusal);
    }
  }

  private static boolean mayOpenCockpit(CommandContext context) {
    return context.getAuthorizationManager().isAuthorized(Permissions.ACCESS, Resources.APPLICATION, "cockpit");
  }

  private static String startFormId(CommandContext context, ProcessDefinitionEntity definition) {
    BpmnModelInstance model = cache(context).findBpmnModelInstanceForProcessDefinition(definition.getId());
    return model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty())
        .map(StartEvent::getCamundaFormRef)
        .filter(ref -> ref != null)
        .findFirst()
        .orElse("");
  }

  private static String taskFormId(CommandContext context, TaskEntity task) {
    BpmnModelInstance model = cache(context).findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId());
    UserTask userTask = model.getModelElementById(task.getTaskDefinitionKey());
    return userTask == null || userTask.getCamundaFormRef() == null ? "" : userTask.getCamundaFormRef();
  }

  private static ProcessDefinitionEntity definitionById(CommandContext context, String id) {
    return id == null ? null : cache(context).findDeployedProcessDefinitionById(id);
  }

  private static DeploymentCache cache(CommandContext context) {
    return context.getProcessEngineConfiguration().getDeploymentCache();
  }

  /** The field if the command has one of that name, else null. */
  private static String optionalField(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command) instanceof String value ? value : null;
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * A field of an engine command (they have no getters). Camunda 7.24 is the last Community Edition, so
   * these names do not move; if one ever did, the guard refuses rather than lets the command through.
   */
  @SuppressWarnings("unchecked")
  private static <V> V read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (V) field.get(command);
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        break;
      }
    }
    throw new IllegalStateException("Contrôle impossible : " + command.getClass().getSimpleName() + "." + name);
  }
}
