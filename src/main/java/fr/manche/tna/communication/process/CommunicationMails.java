package fr.manche.tna.communication.process;

import static fr.manche.tna.communication.process.CommunicationRequestProcess.REQUEST_ID;

import fr.manche.tna.communication.CommunicationRequest;
import fr.manche.tna.communication.CommunicationRequestService;
import fr.manche.tna.communication.JointReports;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.platform.time.ParisTime;
import java.util.List;
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
 * are the templates {@code templates/mail/communication-request-*.html}. Then those of the joint report (R22,
 * {@code templates/mail/joint-report-*.html}): asked of the member, reminded, and the report to the referent.
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

  /** The day after the diffusion: the member is asked to report on the operation (R22) in Tasklist. */
  @Bean("notifyJointReportRequested")
  JavaDelegate notifyJointReportRequested(
      ProcessMails mails, CommunicationRequestService service, OrganisationRepository organisations, AccountService accounts) {
    return mails.sending(execution -> jointReport("joint-report-requested", execution, service, organisations, accounts));
  }

  /** {@value JointReportProcess#REMINDER_DAYS} days on, the report not filed: a reminder; none once it is filed. */
  @Bean("remindJointReport")
  JavaDelegate remindJointReport(ProcessMails mails, CommunicationRequestService service,
      OrganisationRepository organisations, AccountService accounts, JointReports reports) {
    JavaDelegate send = mails.sending(execution -> jointReport("joint-report-reminder", execution, service, organisations,
        accounts));
    return execution -> {
      if (reports.find(requestId(execution)).isEmpty()) {
        send.execute(execution);
      }
    };
  }

  /**
   * The report filed goes to the network referent (R22): the one who follows the organisation's convention in force
   * ({@link ConventionLifecycle#networkReferentId}), else every network referent.
   */
  @Bean("notifyJointReportReferent")
  JavaDelegate notifyJointReportReferent(ProcessMails mails, CommunicationRequestService service,
      OrganisationRepository organisations, JointReports reports, ConventionLifecycle conventions, Directory directory) {
    return mails.sending(execution -> {
      Facts facts = facts(service, organisations, requestId(execution));
      long organisationId = facts.request().organisationId();
      String referentId = conventions.inForceOn(organisationId, ParisTime.today())
          .or(() -> conventions.inForceOn(organisationId, facts.request().plannedOn()))
          .map(conventions::networkReferentId).orElse(null);
      String referentEmail = referentId == null ? null : directory.networkReferentEmail(referentId);
      return Mail.of("joint-report-filed")
          .to(referentEmail == null ? directory.emailsOf(StaffGroup.NETWORK_REFERENTS) : List.of(referentEmail.split(",")))
          .with(facts)
          .with("report", reports.find(facts.request().id()).orElseThrow());
    });
  }

  /** To the person who asked for the agreement (the organisation's contact if they have left). */
  private static Mail jointReport(String template, DelegateExecution execution, CommunicationRequestService service,
      OrganisationRepository organisations, AccountService accounts) {
    Facts facts = facts(service, organisations, requestId(execution));
    return Mail.of(template)
        .to(accounts.personOfUser(facts.request().requestedBy()).map(person -> person.email())
            .orElse(facts.organisation().contactEmail()))
        .with(facts)
        .with("dueOn", JointReportProcess.REMINDER_AT.get(execution).atZone(ParisTime.ZONE).toLocalDate())
        .with("processInstanceId", execution.getProcessInstanceId());
  }

  private static Facts facts(CommunicationRequestService service, OrganisationRepository organisations, long requestId) {
    CommunicationRequest request = service.find(requestId);
    return new Facts(request, organisations.findById(request.organisationId()).orElseThrow());
  }

  private static long requestId(DelegateExecution execution) {
    return REQUEST_ID.get(execution);
  }
}
