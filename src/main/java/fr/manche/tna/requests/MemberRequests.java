package fr.manche.tna.requests;

import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.time.ParisTime;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The requests and files of a member's organisation, where each stands, for the page {@code /mes-demandes}:
 * every process instance the person may read (their organisation's, granted per instance: README
 * "Isolation"), whatever the process, so that a process added later appears without change.
 */
@Service
public class MemberRequests {

  /** The most recent instances shown. */
  static final int LIMIT = 100;
  /** Activities an instance waits in, named to the member as the step it is at. */
  private static final Set<String> WAITING_STEPS = Set.of("userTask", "receiveTask", "callActivity", "intermediateTimer",
      "intermediateMessageCatch", "intermediateSignalCatch", "eventBasedGateway");

  /**
   * @param name the process's name ("Demande d'accord pour une communication")
   * @param startedAt when it started, "lundi 1er mars 2027 à 10h15"
   * @param state where it stands, in French
   * @param open whether it is still going on
   */
  public record Request(String name, String startedAt, String state, boolean open) {}

  private final HistoryService historyService;
  private final IdentityService identityService;

  MemberRequests(HistoryService historyService, IdentityService identityService) {
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /**
   * The instances this person may read, most recent first, read with their authorizations and their groups
   * as they are now (not as the session remembers them: a deactivated account has left its organisation).
   */
  public List<Request> visibleTo(String userId) {
    List<HistoricProcessInstance> instances;
    CurrentUser.actInEngine(identityService, userId);
    try {
      instances = historyService.createHistoricProcessInstanceQuery().orderByProcessInstanceStartTime().desc().listPage(0, LIMIT);
    } finally {
      identityService.clearAuthentication();
    }
    // Only instances this person may read are described below.
    return instances.stream()
        .filter(instance -> !RequestAcknowledgementProcess.KEY.equals(instance.getProcessDefinitionKey()))
        .map(this::describe)
        .toList();
  }

  private Request describe(HistoricProcessInstance instance) {
    String name = instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName() : instance.getProcessDefinitionKey();
    return new Request(name, at(instance.getStartTime()), state(instance), instance.getEndTime() == null);
  }

  private String state(HistoricProcessInstance instance) {
    if (instance.getEndTime() == null) {
      List<String> steps = historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).unfinished()
          .orderByHistoricActivityInstanceStartTime().asc().list().stream()
          .filter(activity -> WAITING_STEPS.contains(activity.getActivityType()))
          .map(HistoricActivityInstance::getActivityName)
          .filter(Objects::nonNull)
          .distinct()
          .toList();
      return steps.isEmpty() ? "En cours de traitement" : "En cours, étape : " + String.join(" ; ", steps);
    }
    String day = ParisTime.formatDate(instance.getEndTime().toInstant().atZone(ParisTime.ZONE).toLocalDate());
    if (HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())
        || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(instance.getState())) {
      return "Arrêtée le " + day;
    }
    String end = instance.getEndActivityId() == null ? null
        : historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(instance.getEndActivityId()).list().stream()
            .map(HistoricActivityInstance::getActivityName).filter(Objects::nonNull).findFirst().orElse(null);
    return "Terminée le " + day + (end == null ? "" : " : " + end);
  }

  private static String at(Date date) {
    return ParisTime.formatDateTime(date.toInstant().atZone(ParisTime.ZONE));
  }
}
