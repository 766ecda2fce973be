package fr.manche.tna.inventory.process;

import fr.manche.tna.inventory.Maintenance;
import fr.manche.tna.inventory.Periods;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import fr.manche.tna.platform.time.ParisTime;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The maintenance's task in Tasklist: about no organisation, « INV-011 (Drone) : Mise à jour du logiciel... », due
 * by the end of the last day the item is held for it (held from today, a task due at the first day's start would be
 * overdue the moment it appears); the form shows the item, why and when.
 */
@Component
class MaintenanceTaskContexts implements TaskContexts {

  private final Maintenance maintenance;

  MaintenanceTaskContexts(Maintenance maintenance) {
    this.maintenance = maintenance;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(MaintenanceProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    Maintenance.Opened opened = maintenance.find(MaintenanceProcess.MAINTENANCE_ID.get(task));
    return TaskContext.of(null, opened.itemNamed() + " : " + opened.what())
        .due(opened.endsOn().plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant())
        .prefill(Map.of(
            MaintenanceProcess.ITEM.name(), opened.itemNamed(),
            MaintenanceProcess.SUMMARY.name(), opened.what() + " (" + opened.reasonFrench() + "). Le matériel est"
                + " réservé pour l'entretien " + Periods.french(opened.startsOn(), opened.endsOn())
                + " : il redevient disponible dès que l'entretien est enregistré."));
  }
}
