package fr.manche.tna.communication.process;

import static fr.manche.tna.communication.process.CommunicationRequestProcess.REQUEST_ID;

import fr.manche.tna.communication.CommunicationRequest;
import fr.manche.tna.communication.CommunicationRequestService;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of the communication request (asynchronous tasks): to the referents, then to the member; the texts
 * are the templates {@code templates/mail/communication-request-*.html}.
 */
@Configuration
class CommunicationMails {

  /** The request and its organisation: what every mail of the process tells. */
  record Facts(CommunicationRequest request, Organisation organisation) {}

  @Bean("notifyCommunicationReferents")
  JavaDelegate notifyCommunicationReferents(
      ProcessMails mails, CommunicationRequestService service, OrganisationRepository organisations, Directory directory) {
    return mails.sending(execution -> Mail.of("communication-request-submitted")
        .to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS))
        .with(facts(service, organisations, requestId(execution))));
  }

  /** To the person who asked (the organisation's contact if they have left). */
  @Bean("notifyCommunicationMember")
  JavaDelegate notifyCommunicationMember(
      ProcessMails mails, CommunicationRequestService service, OrganisationRepository organisations, AccountService accounts) {
    return mails.sending(execution -> {
      Facts facts = facts(service, organisations, requestId(execution));
      return Mail.of("communication-request-answered")
          .to(accounts.personOfUser(facts.request().requestedBy()).map(person -> person.email())
              .orElse(facts.organisation().contactEmail()))
          .with(facts);
    });
  }

  private static Facts facts(CommunicationRequestService service, OrganisationRepository organisations, long requestId) {
    CommunicationRequest request = service.find(requestId);
    return new Facts(request, organisations.findById(request.organisationId()).orElseThrow());
  }

  private static long requestId(DelegateExecution execution) {
    return REQUEST_ID.get(execution);
  }
}
