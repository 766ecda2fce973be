package fr.manche.tna.platform.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.stereotype.Component;

/**
 * The engine's history, less the one part nobody reads: every change of every variable ({@code ACT_HI_DETAIL}).
 *
 * <p>History stays at level {@code full} (README "Benchmark"): Cockpit keeps the job log, the incidents and the user
 * operation log, the members' "Mes demandes" and the indicators keep the instances, activities, tasks and each
 * variable's last value ({@code ACT_HI_VARINST}). But at that level the engine also writes one {@code ACT_HI_DETAIL}
 * row (and, for a JSON value, one byte array) each time a variable is set: a loan wrote 174 of them, the first cost of
 * its 2,100 statements in the benchmark, and the table is read by nothing in the application, nor by the community
 * edition's Cockpit and Tasklist. The decisions people take are in the application's own journal
 * ({@code platform.audit}) and the tasks' history.
 *
 * <p>Dropping them here rather than lowering the history level keeps the level stored in the database (the engine
 * refuses to start when its configuration and the database disagree) and every other history table.
 */
@Component
class LeanHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new WithoutDetails());
  }

  /** The engine's own handler (which also writes {@code ACT_HI_VARINST} from the same events), without the details. */
  static final class WithoutDetails extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      // A form field's value as submitted: a detail too.
      if (!(event instanceof HistoricFormPropertyEventEntity)) {
        super.handleEvent(event);
      }
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
