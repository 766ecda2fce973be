package fr.manche.tna.convention.termination.process;

import static fr.manche.tna.convention.termination.process.ConventionTerminationProcess.NOTICE_ID;

import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification tasks of {@code ConventionTermination} (each asynchronous, sent once per event). */
@Configuration
class ConventionTerminationNotifications {

  @Bean("notifyFormalNotice")
  JavaDelegate notifyFormalNotice(ConventionTerminationMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.noticeToMember(noticeId(execution)));
  }

  @Bean("notifyFormalNoticeRemedied")
  JavaDelegate notifyFormalNoticeRemedied(ConventionTerminationMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.remediedToMember(noticeId(execution)));
  }

  @Bean("notifyFormalNoticePeriodOver")
  JavaDelegate notifyFormalNoticePeriodOver(ConventionTerminationMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution),
        () -> mails.periodOverToReferents(noticeId(execution), execution.getProcessInstanceId()));
  }

  @Bean("notifyConventionTerminationToMember")
  JavaDelegate notifyConventionTerminationToMember(ConventionTerminationMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.terminationToMember(noticeId(execution)));
  }

  @Bean("notifyConventionTerminationToStaff")
  JavaDelegate notifyConventionTerminationToStaff(ConventionTerminationMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.terminationToStaff(noticeId(execution)));
  }

  private static long noticeId(DelegateExecution execution) {
    return NOTICE_ID.get(execution);
  }
}
