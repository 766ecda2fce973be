package fr.manche.tna.requests;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.time.ParisTime;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
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

  /**
   * What the acknowledgement of a request tells the person who started it.
   *
   * @param email where it goes: the person's address, else their account's; null when neither is known
   * @param firstName the person's first name, else their account's; may be null
   * @param organisation the person's organisation, else the network's name
   * @param requestName the process's name ("Demande d'accord pour une communication")
   * @param receivedAt when it started, "lundi 1er mars 2027 à 10h15"
   */
  public record Acknowledgement(String email, String firstName, String organisation, String requestName, java.time.ZonedDateTime receivedAt) {}

  private final HistoryService historyService;
  private final IdentityService identityService;
  private final AccountService accounts;
  private final OrganisationRepository organisations;

  MemberRequests(HistoryService historyService, IdentityService identityService, AccountService accounts,
      OrganisationRepository organisations) {
    this.historyService = historyService;
    this.identityService = identityService;
    this.accounts = accounts;
    this.organisations = organisations;
  }

  /** The acknowledgement of the request that instance is, for the person who started it. */
  public Acknowledgement acknowledgement(String requestInstanceId, String requesterUserId) {
    HistoricProcessInstance request =
        historyService.createHistoricProcessInstanceQuery().processInstanceId(requestInstanceId).singleResult();
    Optional<Person> person = accounts.personOfUser(requesterUserId);
    User user = identityService.createUserQuery().userId(requesterUserId).singleResult();
    String organisation = person.flatMap(p -> organisations.findById(p.organisationId()))
        .map(Organisation::name).orElse("Réseau des territoires numériques apprenants");
    String firstName = person.map(Person::firstName).orElse(user == null ? null : user.getFirstName());
    return new Acknowledgement(
        person.map(Person::email).orElse(user == null ? null : user.getEmail()),
        firstName == null || firstName.isBlank() || "-".equals(firstName) ? null : firstName,
        organisation,
        request.getProcessDefinitionName(),
        request.getStartTime().toInstant().atZone(ParisTime.ZONE));
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
