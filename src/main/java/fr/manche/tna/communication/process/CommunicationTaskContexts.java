package fr.manche.tna.communication.process;

import fr.manche.tna.communication.CommunicationRequest;
import fr.manche.tna.communication.CommunicationRequestService;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import fr.manche.tna.platform.time.ParisTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A communication request's tasks in Tasklist: the organisation, the operation and its diffusion date; the
 * review is due by that date (R21: the agreement comes before the communication). The review form shows the
 * organisation that asks. The joint report's task (R22) shows the organisation and the operation.
 */
@Component
class CommunicationTaskContexts implements TaskContexts {

  private final CommunicationRequestService requests;
  private final OrganisationRepository organisations;

  CommunicationTaskContexts(CommunicationRequestService requests, OrganisationRepository organisations) {
    this.requests = requests;
    this.organisations = organisations;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(CommunicationRequestProcess.KEY, JointReportProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    CommunicationRequest request =
        requests.find(CommunicationRequestProcess.REQUEST_ID.get(task));
    String organisation = organisations.findById(request.organisationId()).map(found -> found.name()).orElse(null);
    if (JointReportProcess.FILE_TASK.equals(task.getTaskDefinitionKey())) {
      return jointReport(request, organisation, task);
    }
    TaskContext context =
        TaskContext.of(organisation, "« " + request.subject() + " », diffusion prévue le " + ParisTime.formatDate(request.plannedOn()));
    if (CommunicationRequestProcess.REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
      context = context.due(request.plannedOn().atStartOfDay(ParisTime.ZONE).toInstant());
    }
    return organisation == null ? context : context.prefill(Map.ofEntries(CommonVariables.ORGANISATION_NAME.entry(organisation)));
  }

  /**
   * The joint operation's report (R22): the organisation and the operation shown read-only; due when the reminder goes,
   * {@value JointReportProcess#REMINDER_DAYS} days after the member is asked.
   */
  private static TaskContext jointReport(CommunicationRequest request, String organisation, DelegateTask task) {
    String operation = "« " + request.subject() + " », diffusion prévue le " + ParisTime.formatDate(request.plannedOn())
        + " (" + request.media() + ")";
    Map<String, Object> shown = new HashMap<>();
    if (organisation != null) {
      shown.put(CommonVariables.ORGANISATION_NAME.name(), organisation);
    }
    JointReportProcess.OPERATION.put(shown, operation);
    if (request.partners() != null) {
      // The partners named in the request, for the member to confirm or correct.
      JointReportProcess.PARTNERS.put(shown, request.partners());
    }
    return TaskContext.of(organisation, "compte rendu de l'opération « " + request.subject() + " », diffusée le "
            + ParisTime.formatDate(request.plannedOn()))
        .due(JointReportProcess.REMINDER_AT.getOrNull(task))
        .prefill(shown);
  }
}
