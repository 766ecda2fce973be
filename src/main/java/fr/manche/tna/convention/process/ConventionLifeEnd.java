package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends the life of a wholly terminated convention (delegate {@code endTerminatedConventionLife}, used by the
 * termination process {@code ConventionTermination}, reading {@code conventionId}): the message {@value
 * ConventionLifeProcess#TERMINATED_MESSAGE} goes to its {@code Convention} instance, when one is waiting for it.
 * The life process owns its message: the processes that end it name this delegate, not the message.
 */
@Component("endTerminatedConventionLife")
class ConventionLifeEnd implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ConventionLifeEnd.class);

  @Override
  public void execute(DelegateExecution execution) {
    long conventionId = CONVENTION_ID.get(execution);
    String businessKey = ConventionLifeProcess.businessKey(conventionId);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    // The person who decided need not be allowed to change the life instance: the model decides here.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      List<String> waiting =
          runtime.createExecutionQuery()
              .processDefinitionKey(ConventionLifeProcess.KEY)
              .processInstanceBusinessKey(businessKey)
              .messageEventSubscriptionName(ConventionLifeProcess.TERMINATED_MESSAGE)
              .list().stream()
              .map(Execution::getProcessInstanceId)
              .distinct()
              .toList();
      if (waiting.isEmpty()) {
        LOG.warn("Convention {} résiliée : aucune instance {} n'attend le message {}.", conventionId, ConventionLifeProcess.KEY,
            ConventionLifeProcess.TERMINATED_MESSAGE);
      }
      waiting.forEach(instanceId -> runtime.createMessageCorrelation(ConventionLifeProcess.TERMINATED_MESSAGE)
          .processInstanceId(instanceId)
          .correlate());
      return null;
    });
  }
}
