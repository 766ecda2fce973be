package fr.manche.tna.platform.web;

import fr.manche.tna.platform.security.StaffGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters, in French, created once at start (an administrator may edit them afterwards in Tasklist):
 * everyone's (the tasks assigned to me, and the tasks of my groups that nobody has taken yet), and those each
 * capability adds for a role ({@link RoleFilter}), which only that role's groups may read (the property
 * {@value #GROUPS_PROPERTY}, read by {@code AuthorizationSetup}).
 */
@Component
@Order(0)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_TASKS = "Mes tâches";
  public static final String MY_GROUPS_TASKS = "Tâches de mes groupes";

  /** The filter property naming the groups that may read a role's filter (comma-separated). */
  public static final String GROUPS_PROPERTY = "groupes";

  /** A filter for the staff groups of one role: its name, what it shows, and its query. */
  public record RoleFilter(String name, String description, int priority, TaskQuery query, List<StaffGroup> groups) {}

  /** What a capability adds to the filters, e.g. the loans' « Prêts : demandes à approuver ». */
  public interface Source {
    List<RoleFilter> filters(TaskService taskService);
  }

  private final FilterService filterService;
  private final TaskService taskService;
  private final List<Source> sources;

  TasklistFilters(FilterService filterService, TaskService taskService, List<Source> sources) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.sources = sources;
  }

  @Override
  public void run(ApplicationArguments args) {
    create(
        MY_TASKS,
        "Les tâches que vous avez prises en charge",
        -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    create(
        MY_GROUPS_TASKS,
        "Les tâches de vos groupes que personne n'a encore prises en charge",
        -5,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    for (Source source : sources) {
      for (RoleFilter filter : source.filters(taskService)) {
        create(filter.name(), filter.description(), filter.priority(), filter.query(),
            filter.groups().stream().map(StaffGroup::groupId).collect(Collectors.joining(",")));
      }
    }
  }

  private void create(String name, String description, int priority, TaskQuery query) {
    create(name, description, priority, query, null);
  }

  private void create(String name, String description, int priority, TaskQuery query, String groups) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter =
        filterService
            .newTaskFilter(name)
            .setOwner(null)
            .setQuery(query)
            .setProperties(properties(description, priority, groups));
    filterService.saveFilter(filter);
  }

  private static Map<String, Object> properties(String description, int priority, String groups) {
    Map<String, Object> properties = new HashMap<>(
        Map.of("description", description, "priority", priority, "refresh", true, "color", "#005ca9"));
    if (groups != null) {
      properties.put(GROUPS_PROPERTY, groups);
    }
    return properties;
  }
}
