package fr.manche.tna.loan.process;

import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.platform.web.TasklistFilters;
import fr.manche.tna.platform.web.TasklistFilters.RoleFilter;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** The loans' Tasklist filters: what each role examines, soonest due first. */
@Component
class LoanTasklistFilters implements TasklistFilters.Source {

  @Override
  public List<RoleFilter> filters(TaskService tasks) {
    return List.of(
        new RoleFilter("Prêts : demandes à approuver",
            "Les demandes de prêt de 30 jours au plus, la plus proche de son premier jour en tête", 0,
            tasks.createTaskQuery().processDefinitionKey(LoanRequestProcess.KEY)
                .taskDefinitionKey(LoanRequestProcess.APPROVE_TASK).orderByDueDate().asc(),
            List.of(StaffGroup.EQUIPMENT_MANAGERS)),
        new RoleFilter("Prêts : relances",
            "Les prêts en retard à relancer, le plus ancien en tête", 2,
            tasks.createTaskQuery().processDefinitionKey(LoanRequestProcess.KEY)
                .taskDefinitionKey(LoanRequestProcess.FOLLOW_UP_TASK)
                .orderByDueDate().asc(),
            List.of(StaffGroup.EQUIPMENT_MANAGERS)),
        new RoleFilter("Prêts de plus de 30 jours et prolongations",
            "Ce que le Département examine lui-même (article 4.3) : demandes et prolongations au-delà de 30 jours", 3,
            tasks.createTaskQuery().processDefinitionKeyIn(LoanRequestProcess.KEY, LoanExtensionProcess.KEY)
                .taskDefinitionKeyIn(LoanRequestProcess.EXAMINE_LONG_TASK, LoanExtensionProcess.EXAMINE_TASK)
                .orderByDueDate().asc(),
            List.of(StaffGroup.NETWORK_REFERENTS)));
  }
}
