package fr.manche.tna.platform.web;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters everyone sees, in French: the tasks assigned to me, and the tasks of my groups that
 * nobody has taken yet. Created once; an administrator may edit them afterwards in Tasklist.
 */
@Component
@Order(0)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_TASKS = "Mes tâches";
  public static final String MY_GROUPS_TASKS = "Tâches de mes groupes";

  private final FilterService filterService;
  private final TaskService taskService;

  TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
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
  }

  private void create(String name, String description, int priority, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter =
        filterService
            .newTaskFilter(name)
            .setOwner(null)
            .setQuery(query)
            .setProperties(
                Map.of("description", description, "priority", priority, "refresh", true, "color", "#005ca9"));
    filterService.saveFilter(filter);
  }
}
