package fr.manche.tna.convention.termination.process;

import static fr.manche.tna.convention.termination.process.ConventionTerminationProcess.NOTICE_ID;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.OpenWorkAtConventionEnd;
import fr.manche.tna.convention.termination.FormalNotice;
import fr.manche.tna.convention.termination.FormalNoticeService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of a formal notice and its outcome (R07, asynchronous tasks), to the member and to staff. The
 * texts are the templates {@code templates/mail/formal-notice*.html} and {@code convention-terminated*.html}.
 */
@Configuration
class ConventionTerminationMails {

  /** The notice and its convention: what every mail of the process tells. */
  record Facts(FormalNotice notice, Convention convention, Organisation organisation, String referentContact) {}

  private final FormalNoticeService notices;
  private final ConventionLifecycle lifecycle;
  private final Directory directory;
  private final List<OpenWorkAtConventionEnd> openWork;

  ConventionTerminationMails(FormalNoticeService notices, ConventionLifecycle lifecycle, Directory directory,
      List<OpenWorkAtConventionEnd> openWork) {
    this.openWork = openWork;
    this.notices = notices;
    this.lifecycle = lifecycle;
    this.directory = directory;
  }

  /** To the member: a copy of the notice, the failure, and what happens after thirty days. */
  @Bean("notifyFormalNotice")
  JavaDelegate notifyFormalNotice(ProcessMails mails) {
    return mails.sending(execution -> toMember("formal-notice", facts(noticeId(execution))));
  }

  /** To the member: the failure is remedied, the notice is lifted, the convention goes on. */
  @Bean("notifyFormalNoticeRemedied")
  JavaDelegate notifyFormalNoticeRemedied(ProcessMails mails) {
    return mails.sending(execution -> toMember("formal-notice-remedied", facts(noticeId(execution))));
  }

  /** To the network referents: the thirty days are over, a decision awaits them in Tasklist. */
  @Bean("notifyFormalNoticePeriodOver")
  JavaDelegate notifyFormalNoticePeriodOver(ProcessMails mails) {
    return mails.sending(execution -> Mail.of("formal-notice-period-over")
        .to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS))
        .with(facts(noticeId(execution))));
  }

  /** To the member: what the termination ends, from when, and that equipment on loan must come back. */
  @Bean("notifyConventionTerminationToMember")
  JavaDelegate notifyConventionTerminationToMember(ProcessMails mails) {
    return mails.sending(execution -> toMember("convention-terminated", facts(noticeId(execution))));
  }

  /** To the equipment managers and referents: the member may no longer borrow, equipment on loan comes back. */
  @Bean("notifyConventionTerminationToStaff")
  JavaDelegate notifyConventionTerminationToStaff(ProcessMails mails) {
    return mails.sending(execution -> {
      Facts facts = facts(noticeId(execution));
      return Mail.of("convention-terminated-staff")
          .to(directory.emailsOf(StaffGroup.EQUIPMENT_MANAGERS)).to(directory.emailsOf(StaffGroup.NETWORK_REFERENTS))
          .with(facts)
          .with("openWork", OpenWorkAtConventionEnd.all(openWork, facts.organisation().id()));
    });
  }

  /** The member's contact and signatory. */
  private static Mail toMember(String template, Facts facts) {
    return Mail.of(template).to(facts.convention().memberEmails(facts.organisation())).with(facts);
  }

  private Facts facts(long noticeId) {
    FormalNotice notice = notices.find(noticeId);
    Convention convention = lifecycle.convention(notice.conventionId());
    return new Facts(notice, convention, lifecycle.organisationOf(convention),
        directory.networkReferentContact(lifecycle.networkReferentId(convention)));
  }

  private static long noticeId(DelegateExecution execution) {
    return NOTICE_ID.get(execution);
  }
}
