package fr.manche.tna.communication.process;

import static fr.manche.tna.communication.process.CommunicationRequestProcess.REQUEST_ID;

import fr.manche.tna.communication.CommunicationDecision;
import fr.manche.tna.communication.CommunicationRequest;
import fr.manche.tna.communication.CommunicationRequestService;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Notification;
import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.TasklistLinks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mails of the communication request (asynchronous tasks): to the referents, then to the member. */
@Configuration
class CommunicationMails {

  static final String REQUEST_SUBJECT = "Demande d'accord pour une communication (article 6)";

  @Bean("notifyCommunicationReferents")
  JavaDelegate notifyCommunicationReferents(
      CommunicationRequestService service, OrganisationRepository organisations, Directory directory,
      NotificationService notifications, TasklistLinks links) {
    return execution -> {
      CommunicationRequest request = request(service, execution);
      Organisation organisation = organisations.findById(request.organisationId()).orElseThrow();
      notifications.send(
          ProcessNotifications.eventKey(execution),
          new Notification(
              "communication-request-submitted",
              directory.emailsOf(StaffGroup.NETWORK_REFERENTS),
              "Demande d'accord pour une communication : " + organisation.name(),
              organisation.name(),
              REQUEST_SUBJECT,
              links.openTaskOf(execution.getProcessInstanceId()),
              model(request),
              null));
    };
  }

  @Bean("notifyCommunicationMember")
  JavaDelegate notifyCommunicationMember(
      CommunicationRequestService service, OrganisationRepository organisations, AccountService accounts,
      NotificationService notifications, TasklistLinks links) {
    return execution -> {
      CommunicationRequest request = request(service, execution);
      Organisation organisation = organisations.findById(request.organisationId()).orElseThrow();
      String email =
          accounts.personOfUser(request.requestedBy()).map(person -> person.email()).orElse(organisation.contactEmail());
      // To modify, the member opens their task; answered, there is nothing left to do in Tasklist.
      boolean toModify = request.status() == CommunicationDecision.A_MODIFIER;
      Map<String, Object> model = model(request);
      model.put("linkLabel", toModify ? "Modifier la demande dans la liste des tâches" : "Suivre mes demandes");
      notifications.send(
          ProcessNotifications.eventKey(execution),
          new Notification(
              "communication-request-answered",
              List.of(email),
              "Votre demande de communication est " + request.status().label() + " : « " + request.subject() + " »",
              organisation.name(),
              REQUEST_SUBJECT,
              toModify ? links.openTaskOf(execution.getProcessInstanceId()) : links.memberRequests(),
              model,
              null));
    };
  }

  private static CommunicationRequest request(CommunicationRequestService service, DelegateExecution execution) {
    return service.find(REQUEST_ID.get(execution));
  }

  private static Map<String, Object> model(CommunicationRequest request) {
    Map<String, Object> model = new HashMap<>();
    model.put("request", request);
    model.put("plannedOn", ParisTime.formatDate(request.plannedOn()));
    model.put("status", request.status().label());
    return model;
  }
}
