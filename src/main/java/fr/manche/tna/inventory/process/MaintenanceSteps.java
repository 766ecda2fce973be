package fr.manche.tna.inventory.process;

import fr.manche.tna.inventory.Maintenance;
import fr.manche.tna.platform.process.Actor;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the maintenance's processes, each a thin adapter from process variables to {@link Maintenance}. */
@Configuration
class MaintenanceSteps {

  /** The daily sweep: the maintenances whose number of days has passed are opened (none twice). */
  @Bean("openDueMaintenances")
  JavaDelegate openDueMaintenances(Maintenance maintenance) {
    return execution -> maintenance.sweep("système");
  }

  /** The equipment manager records what was done: the item is free again, its counts start over. */
  @Bean("completeMaintenance")
  TaskListener completeMaintenance(Maintenance maintenance) {
    return task -> maintenance.complete(MaintenanceProcess.MAINTENANCE_ID.get(task),
        MaintenanceProcess.DONE_WHAT.getOrNull(task), MaintenanceProcess.NOTES.getOrNull(task), Actor.of(task));
  }
}
