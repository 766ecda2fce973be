package fr.manche.tna.handover.process;

import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.platform.web.TasklistFilters;
import fr.manche.tna.platform.web.TasklistFilters.RoleFilter;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** The handovers' Tasklist filter: the appointments at the Maison du Département, soonest first. */
@Component
class HandoverTasklistFilters implements TasklistFilters.Source {

  @Override
  public List<RoleFilter> filters(TaskService tasks) {
    return List.of(new RoleFilter("Remises du matériel : rendez-vous",
        "Les retraits et les retours du matériel à la Maison du Département, le plus proche en tête", 1,
        tasks.createTaskQuery().processDefinitionKey(HandoverProcess.KEY)
            .taskDefinitionKey(HandoverProcess.HANDOVER_TASK).orderByDueDate().asc(),
        List.of(StaffGroup.EQUIPMENT_MANAGERS)));
  }
}
