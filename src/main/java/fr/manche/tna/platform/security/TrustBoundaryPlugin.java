package fr.manche.tna.platform.security;

import fr.manche.tna.platform.forms.FormCatalog;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Puts the trust boundary inside the engine, so that it holds whatever the way in (Tasklist, the webapps'
 * API, {@code /engine-rest}) and for every process added later: README "Security", "What the platform
 * guarantees".
 *
 * <ul>
 *   <li>{@link ModelExpressionManager}: expressions reach only the models' delegates; queries and filters carry
 *       no expression but the current user and their groups;
 *   <li>{@link CallerCommandGuard}: what a logged-in person's command may carry and do;
 *   <li>{@link CheckedJobExecution}: a refused {@code POST /job/{id}/execute} changes nothing (the engine would
 *       otherwise count the refusal as a failure of the job: fewer retries, due date moved).
 * </ul>
 */
@Component
class TrustBoundaryPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext applicationContext;
  private final FormCatalog forms;

  TrustBoundaryPlugin(ApplicationContext applicationContext, FormCatalog forms) {
    this.applicationContext = applicationContext;
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new ModelExpressionManager(applicationContext));
    configuration.setManagementService(new CheckedJobExecution(configuration));
    List<CommandInterceptor> inner = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      inner.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    inner.add(new CallerCommandGuard(forms));
    configuration.setCustomPostCommandInterceptorsTxRequired(inner);
  }

  /** Checks that the caller may execute a job before the engine executes it. */
  static final class CheckedJobExecution extends ManagementServiceImpl {

    CheckedJobExecution(ProcessEngineConfigurationImpl configuration) {
      super(configuration);
    }

    @Override
    public void executeJob(String jobId) {
      commandExecutor.execute(context -> {
        JobEntity job = jobId == null ? null : context.getJobManager().findJobById(jobId);
        if (job != null) {
          for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkUpdateJob(job);
          }
        }
        return null;
      });
      super.executeJob(jobId);
    }
  }
}
