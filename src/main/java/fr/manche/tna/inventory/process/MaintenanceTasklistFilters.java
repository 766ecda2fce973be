package fr.manche.tna.inventory.process;

import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.platform.web.TasklistFilters;
import fr.manche.tna.platform.web.TasklistFilters.RoleFilter;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** The maintenance's Tasklist filter: the items to service, the soonest held first. */
@Component
class MaintenanceTasklistFilters implements TasklistFilters.Source {

  @Override
  public List<RoleFilter> filters(TaskService tasks) {
    return List.of(new RoleFilter("Matériel : entretiens",
        "Les entretiens et mises à jour du matériel à faire, le plus proche en tête", 4,
        tasks.createTaskQuery().processDefinitionKey(MaintenanceProcess.KEY)
            .taskDefinitionKey(MaintenanceProcess.DO_TASK).orderByDueDate().asc(),
        List.of(StaffGroup.EQUIPMENT_MANAGERS)));
  }
}
