package fr.manche.tna.requests;

import fr.manche.tna.membership.AccountService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every request a member starts is acknowledged, whatever the process, including those added later: a parse
 * listener gives every process that members may start from a start form (candidate starter group
 * {@value AccountService#ALL_MEMBERS_GROUP}, a start event with {@code camunda:formRef} or
 * {@code camunda:formKey}) a start listener, which starts {@link RequestAcknowledgementProcess} when the
 * starter is a member's person. The acknowledgement is a process of its own, so that its mail goes out like
 * every other (asynchronous task, exactly once, retried, a Cockpit incident when the mail server stays
 * down), only once the request is committed: a request refused at its start sends nothing.
 */
@Component
class MemberRequestStarts extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new ParseListener());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Whether members may start this process from a start form. */
  static boolean startedByMembersFromAForm(Element process) {
    String starters = process.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "candidateStarterGroups");
    boolean byMembers = starters != null
        && Arrays.stream(starters.split(",")).map(String::trim).anyMatch(AccountService.ALL_MEMBERS_GROUP::equals);
    return byMembers && process.elements("startEvent").stream().anyMatch(start ->
        start.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null
            || start.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey") != null);
  }

  static final class ParseListener extends AbstractBpmnParseListener {
    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      if (startedByMembersFromAForm(processElement)) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, new Acknowledge());
      }
    }
  }

  /** Start listener of a member's request: starts its acknowledgement when a member's person started it. */
  static final class Acknowledge implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      Authentication starter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (starter == null || starter.getUserId() == null || starter.getGroupIds() == null
          || !starter.getGroupIds().contains(AccountService.ALL_MEMBERS_GROUP)) {
        return; // staff (or the application itself) started it: they follow it in Cockpit and on the staff pages
      }
      String requestInstanceId = execution.getProcessInstanceId();
      // The member may not start this process themselves (no CREATE_INSTANCE): the platform does, in the
      // same transaction as the request.
      Context.getCommandContext().runWithoutAuthorization(() ->
          execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
              RequestAcknowledgementProcess.KEY,
              requestInstanceId,
              Map.ofEntries(RequestAcknowledgementProcess.REQUEST_INSTANCE_ID.entry(requestInstanceId),
                  RequestAcknowledgementProcess.REQUESTER.entry(starter.getUserId()))));
    }
  }
}
