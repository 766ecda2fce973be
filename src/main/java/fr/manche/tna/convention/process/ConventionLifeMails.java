package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.OpenWorkAtConventionEnd;
import fr.manche.tna.convention.ConventionTerms;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.signature.ArchivedDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of the process {@code Convention} (asynchronous tasks): signed, end reminders, end; who receives
 * each and what it is about. The texts are the templates {@code templates/mail/convention-*.html}.
 */
@Configuration
class ConventionLifeMails {

  /** The convention, its organisation and its deadlines: what every mail of its life tells. */
  record Facts(Convention convention, Organisation organisation, LocalDate amendmentDeadline, boolean amendmentDeadlinePassed,
      String referentContact) {}

  private final ConventionLifecycle lifecycle;
  private final Directory directory;
  private final List<OpenWorkAtConventionEnd> openWork;

  ConventionLifeMails(ConventionLifecycle lifecycle, Directory directory,
      List<OpenWorkAtConventionEnd> openWork) {
    this.openWork = openWork;
    this.lifecycle = lifecycle;
    this.directory = directory;
  }

  /** To both parties: the signed convention, attached, with its dates. */
  @Bean("notifyConventionSigned")
  JavaDelegate notifyConventionSigned(ProcessMails mails) {
    return mails.sending(execution -> {
      Facts facts = facts(conventionId(execution));
      ArchivedDocument pdf = lifecycle.document(facts.convention().id()).orElseThrow();
      return Mail.of("convention-signed")
          .to(member(facts)).to(directory.emailsOf(StaffGroup.SIGNATORIES)).to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS))
          .with(facts)
          .attach(Mail.Attachment.pdf(pdf.fileName(), pdf.content()));
    });
  }

  /** To both parties, six then four months before the end: prepare the renewal. */
  @Bean("notifyConventionEndReminder")
  JavaDelegate notifyConventionEndReminder(ProcessMails mails) {
    return mails.sending(execution -> {
      Facts facts = facts(conventionId(execution));
      return Mail.of("convention-end-reminder").to(member(facts)).to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS)).with(facts);
    });
  }

  /** The convention has ended: the member is told, renewed or not; staff too when no renewal follows (equipment to recover). */
  @Bean("notifyConventionEnded")
  JavaDelegate notifyConventionEnded(ProcessMails mails) {
    return mails.sendingEach(execution -> ended(conventionId(execution), renewed(execution)));
  }

  private List<Mail> ended(long conventionId, boolean renewed) {
    Facts facts = facts(conventionId);
    if (renewed) {
      return List.of(Mail.of("convention-renewed").to(member(facts)).with(facts));
    }
    return List.of(
        Mail.of("convention-ended").to(member(facts)).with(facts),
        Mail.of("convention-ended-staff")
            .to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS)).to(directory.emailsOf(StaffGroup.EQUIPMENT_MANAGERS))
            .with(facts)
            .with("openWork", OpenWorkAtConventionEnd.all(openWork, facts.organisation().id())));
  }

  private Facts facts(long conventionId) {
    Convention convention = lifecycle.convention(conventionId);
    LocalDate deadline = ConventionTerms.amendmentRequestDeadline(convention.lastDay());
    return new Facts(
        convention,
        lifecycle.organisationOf(convention),
        deadline,
        ParisTime.today().isAfter(deadline),
        directory.networkReferentContact(lifecycle.networkReferentId(convention)));
  }

  /** The member's contact and signatory. */
  private static List<String> member(Facts facts) {
    return new ArrayList<>(facts.convention().memberEmails(facts.organisation()));
  }

  private static long conventionId(DelegateExecution execution) {
    return CONVENTION_ID.get(execution);
  }

  private static boolean renewed(DelegateExecution execution) {
    return ConventionLifeProcess.RENEWED.getOptional(execution).orElse(false);
  }
}
