package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.convention.ConventionApplicationService;
import fr.manche.tna.convention.process.ConventionApplicationProcess.StartForm;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import fr.manche.tna.platform.time.ParisTime;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of the convention application (asynchronous tasks): who receives each and what it is about; the
 * texts are the templates {@code templates/mail/convention-*.html}.
 */
@Configuration
class ConventionMails {

  /** The application as filed, read by the mail that refuses it (R01): nothing was registered. */
  record FiledApplication(String organisationName, String contactName, String contactEmail, String ineligibilityReason,
      String initiator) {}

  /** To the network referents: a new application awaits their review. */
  @Bean("notifyConventionReviewers")
  JavaDelegate notifyConventionReviewers(ProcessMails mails, ConventionApplicationService service, Directory directory) {
    return mails.sending(execution -> {
      Convention convention = service.convention(conventionId(execution));
      return Mail.of("convention-review-requested")
          .to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS))
          .with("convention", convention)
          .with("organisation", service.organisationOf(convention));
    });
  }

  /**
   * To the organisation's contact: the referent's decision, with the welcome meeting if one is set. The
   * contact usually has no account yet: an accepted application links to the member's page, which they
   * reach once invited (the mail says when that invitation comes); otherwise the link writes to the referent
   * who decided, the one thing the contact can do.
   */
  @Bean("notifyConventionApplicant")
  JavaDelegate notifyConventionApplicant(
      ProcessMails mails, ConventionApplicationService service, Directory directory, AccountService accounts) {
    return mails.sending(execution -> {
      Convention convention = service.convention(conventionId(execution));
      Organisation organisation = service.organisationOf(convention);
      Mail mail = Mail.of(switch (convention.status()) {
            case ACCEPTEE -> "convention-application-accepted";
            case REFUSEE -> "convention-application-refused";
            default -> "convention-application-changes";
          })
          .to(organisation.contactEmail())
          .with("convention", convention)
          .with("organisation", organisation)
          .with("referentContact", directory.networkReferentContact(convention.decidedBy()))
          .with("referentEmail", directory.networkReferentEmail(convention.decidedBy()))
          .with("contactSigns", organisation.contactEmail().equalsIgnoreCase(convention.memberSignatoryEmail()))
          .with("contactHasAccount", accounts.peopleOf(organisation.id()).stream()
              .anyMatch(person -> person.active() && person.email().equalsIgnoreCase(organisation.contactEmail())));
      if (convention.welcomeMeetingAt() == null) {
        return mail;
      }
      ZonedDateTime start = convention.welcomeMeetingAt().atZoneSameInstant(ParisTime.ZONE);
      return mail.appointment("convention-" + convention.id() + "-accueil@reseau-tna.manche.fr", start, start.plusHours(1));
    });
  }

  /**
   * R01: tells an organisation that cannot sign the convention why its application is refused. The contact
   * has no account and will get none: the one thing to do is to write to the referent who filed it.
   */
  @Bean("notifyIneligibleApplicant")
  JavaDelegate notifyIneligibleApplicant(ProcessMails mails, Directory directory) {
    return mails.sending(execution -> {
      FiledApplication application = filedApplication(execution);
      return Mail.of("convention-application-ineligible")
          .to(application.contactEmail())
          .with("application", application)
          .with("referentContact", directory.networkReferentContact(application.initiator()))
          .with("referentEmail", directory.networkReferentEmail(application.initiator()));
    });
  }

  private static long conventionId(DelegateExecution execution) {
    return CONVENTION_ID.get(execution);
  }

  private static FiledApplication filedApplication(DelegateExecution execution) {
    return new FiledApplication(
        StartForm.ORGANISATION_NAME.get(execution).trim(),
        StartForm.CONTACT_NAME.get(execution).trim(),
        StartForm.CONTACT_EMAIL.getOrNull(execution),
        ConventionApplicationProcess.INELIGIBILITY_REASON.getOrNull(execution),
        CommonVariables.INITIATOR.getOrNull(execution));
  }
}
