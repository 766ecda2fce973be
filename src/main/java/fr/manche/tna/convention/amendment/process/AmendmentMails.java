package fr.manche.tna.convention.amendment.process;

import static fr.manche.tna.convention.amendment.process.ConventionAmendmentProcess.AMENDMENT_ID;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.amendment.Amendment;
import fr.manche.tna.convention.amendment.AmendmentService;
import fr.manche.tna.convention.renewal.Renewal;
import fr.manche.tna.convention.renewal.RenewalService;
import fr.manche.tna.convention.renewal.RenewalStatus;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import fr.manche.tna.signature.ArchivedDocument;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of {@code ConventionAmendment} (asynchronous tasks): who receives each and what it is about; the
 * texts are the templates {@code templates/mail/amendment-*.html}.
 */
@Configuration
class AmendmentMails {

  /**
   * The amendment and its convention: what every mail of the process tells.
   *
   * @param renewal a renewal proposed or accepted for the convention, or null
   * @param referentContact the referent to write to: the one who decided, else the convention's
   */
  record Facts(Amendment amendment, Convention convention, Organisation organisation, Renewal renewal, String referentContact) {}

  private final AmendmentService amendments;
  private final ConventionLifecycle lifecycle;
  private final Directory directory;
  private final RenewalService renewals;

  AmendmentMails(AmendmentService amendments, ConventionLifecycle lifecycle, Directory directory, RenewalService renewals) {
    this.amendments = amendments;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.renewals = renewals;
  }

  /**
   * R05: to the requester's side (the member's contact and signatory, the requester) and the network
   * referents: the request came too late; a change now goes through the renewal, which members cannot ask
   * for with a form: the network referent proposes it (R03).
   */
  @Bean("notifyAmendmentTooLate")
  JavaDelegate notifyAmendmentTooLate(ProcessMails mails) {
    return mails.sending(execution -> {
      Facts facts = facts(amendmentId(execution));
      return Mail.of("amendment-late").to(member(facts)).to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS)).with(facts);
    });
  }

  /** To the network referents: a request to review. */
  @Bean("notifyAmendmentReferents")
  JavaDelegate notifyAmendmentReferents(ProcessMails mails) {
    return mails.sending(execution ->
        Mail.of("amendment-to-review").to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS)).with(facts(amendmentId(execution))));
  }

  /** To the organisation (its contact, and the requester): the referent refused, and why. */
  @Bean("notifyAmendmentRefused")
  JavaDelegate notifyAmendmentRefused(ProcessMails mails) {
    return mails.sending(execution -> {
      Facts facts = facts(amendmentId(execution));
      return Mail.of("amendment-refused")
          .to(facts.organisation().contactEmail()).to(requester(facts.amendment()))
          .with(facts);
    });
  }

  /** To both parties: the signed amendment, attached, and from when it applies (R06). */
  @Bean("notifyAmendmentSigned")
  JavaDelegate notifyAmendmentSigned(ProcessMails mails) {
    return mails.sending(execution -> {
      Facts facts = facts(amendmentId(execution));
      ArchivedDocument pdf = amendments.document(facts.amendment().id()).orElseThrow();
      return Mail.of("amendment-signed")
          .to(member(facts)).to(directory.emailsOf(StaffGroup.SIGNATORIES)).to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS))
          .with(facts)
          .attach(Mail.Attachment.pdf(pdf.fileName(), pdf.content()));
    });
  }

  private Facts facts(long amendmentId) {
    Amendment amendment = amendments.find(amendmentId);
    Convention convention = lifecycle.convention(amendment.conventionId());
    Renewal renewal = renewals.ofConvention(convention.id()).stream()
        .filter(proposal -> proposal.status() == RenewalStatus.PROPOSEE || proposal.status() == RenewalStatus.ACCEPTEE)
        .findFirst().orElse(null);
    String referent = amendment.decidedBy() != null ? amendment.decidedBy() : lifecycle.networkReferentId(convention);
    return new Facts(amendment, convention, lifecycle.organisationOf(convention), renewal, directory.networkReferentContact(referent));
  }

  /** The member's contact and signatory, and the requester. */
  private List<String> member(Facts facts) {
    List<String> recipients = new ArrayList<>(facts.convention().memberEmails(facts.organisation()));
    recipients.addAll(requester(facts.amendment()));
    return recipients;
  }

  private List<String> requester(Amendment amendment) {
    return amendments.requesterEmail(amendment).stream().toList();
  }

  private static long amendmentId(DelegateExecution execution) {
    return AMENDMENT_ID.get(execution);
  }
}
