package fr.manche.tna.notification;

import static fr.manche.tna.convention.process.ConventionApplicationProcess.NOTIFY_APPLICANT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.convention.process.ConventionApplicationProcess;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A notification survives a failing SMTP server: the user's work stands, the job is retried, the mail is
 * delivered exactly once when the server is back, and an incident shows in Cockpit when it never comes back.
 */
@ApplicationTest
class NotificationDeliveryTest {

  static final String APPLICANT = "mairie@tessy.example.fr";

  @Autowired ProcessDriver driver;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired JavaMailSenderImpl mailSender;

  @BeforeEach
  void mailServerUp() {
    driver.ensureStaff("delivery.referent", "delivery.referent@manche.fr", "tna-referents-reseau");
    TestMailServer.ensureUp();
    TestMailServer.reset();
  }

  @AfterEach
  void mailServerBack() {
    TestMailServer.ensureUp();
  }

  @Test
  void aMailRefusedBySmtpIsRetriedAndDeliveredOnceWhenTheServerIsBackWhileTheReviewStands() {
    ProcessInstance instance = reviewedApplication("21505071900016");

    TestMailServer.shutDown();
    assertThat(driver.runJob(instance.getId(), NOTIFY_APPLICANT)).isNotNull();

    // The referent's decision is kept: the review task is completed, the decision recorded.
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(ConventionApplicationProcess.REVIEW_TASK).finished().count())
        .isEqualTo(1);
    Job job = driver.job(instance.getId(), NOTIFY_APPLICANT);
    assertThat(job.getRetries()).as("R5/PT5M: four retries left").isEqualTo(4);
    assertThat(job.getExceptionMessage()).isNotBlank();
    assertThat(job.getDuedate()).as("retried on a schedule, not at once").isNotNull();

    TestMailServer.ensureUp();
    assertThat(driver.runJob(instance.getId(), NOTIFY_APPLICANT)).isNull();
    assertThat(Mails.to(APPLICANT)).hasSize(1);
    assertThat(driver.job(instance.getId(), "ServiceTask_OpenSignature")).as("the process went on to the signature").isNotNull();
  }

  @Test
  void aMailThatNeverGoesThroughBecomesAnIncidentAndIsNotLost() {
    ProcessInstance instance = reviewedApplication("21505062700011");

    TestMailServer.shutDown();
    for (int attempt = 1; attempt <= 6; attempt++) {
      assertThat(driver.runJob(instance.getId(), NOTIFY_APPLICANT)).as("attempt " + attempt).isNotNull();
    }
    Job job = driver.job(instance.getId(), NOTIFY_APPLICANT);
    assertThat(job.getRetries()).isZero();
    List<Incident> incidents =
        runtimeService.createIncidentQuery().processInstanceId(instance.getId()).list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incidents.get(0).getActivityId()).isEqualTo(NOTIFY_APPLICANT);

    // An operator fixes the mail server and retries from Cockpit: the mail goes out, once.
    TestMailServer.ensureUp();
    managementService.setJobRetries(job.getId(), 1);
    assertThat(driver.runJob(instance.getId(), NOTIFY_APPLICANT)).isNull();
    assertThat(Mails.to(APPLICANT)).hasSize(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aJobThatFailsAfterTheSmtpServerAcceptedTheMailDoesNotSendItAgain() {
    repositoryService
        .createDeployment()
        .name("test-notification-then-failure")
        .addModelInstance(
            "NotifyThenFail.bpmn",
            Bpmn.createExecutableProcess("NotifyThenFail")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("ServiceTask_NotifyThenFail")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${notifyThenFailOnce}")
                .endEvent()
                .done())
        .deploy();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("NotifyThenFail");

    assertThat(driver.runJob(instance.getId(), "ServiceTask_NotifyThenFail"))
        .as("the database fails after the mail was sent")
        .hasMessageContaining("database went away");
    assertThat(Mails.to("once@example.fr")).hasSize(1);

    assertThat(driver.runJob(instance.getId(), "ServiceTask_NotifyThenFail")).isNull();
    assertThat(Mails.to("once@example.fr")).as("the retry does not send it again").hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aHungSmtpServerFailsTheJobWellBeforeItsLockExpires() throws IOException {
    long lockTime = 300_000;
    assertThat(Long.parseLong(mailSender.getJavaMailProperties().getProperty("mail.smtp.timeout")))
        .isLessThan(lockTime / 10);
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> acceptAndSayNothing(silent));
      acceptor.setDaemon(true);
      acceptor.start();
      ProcessInstance instance = reviewedApplication("21505065000013");
      int port = mailSender.getPort();
      mailSender.setPort(silent.getLocalPort());
      try {
        long start = System.nanoTime();
        assertThat(driver.runJob(instance.getId(), NOTIFY_APPLICANT)).isNotNull();
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        System.out.printf("Hung SMTP server: the job failed after %d s (lock time %d s)%n", seconds, lockTime / 1000);
        assertThat(driver.job(instance.getId(), NOTIFY_APPLICANT).getRetries()).isEqualTo(4);
      } finally {
        mailSender.setPort(port);
      }
    }
  }

  /** A decided application whose notification to the organisation is the next job. */
  private ProcessInstance reviewedApplication(String siret) {
    ProcessInstance instance =
        driver.submitStartForm(
            ConventionApplicationProcess.KEY,
            Map.of(
                "organisationName", "Commune de Tessy-Bocage",
                "legalForm", "COLLECTIVITE_TERRITORIALE",
                "siret", siret,
                "address", "Mairie, 50420 Tessy-Bocage",
                "contactName", "Paul Girard",
                "contactEmail", APPLICANT,
                "memberSignatoryName", "Paul Girard",
                "memberSignatoryRole", "maire",
                "memberSignatoryEmail", APPLICANT));
    assertThat(driver.runJob(instance.getId(), ConventionApplicationProcess.NOTIFY_REVIEWERS)).isNull();
    driver.claimAndSubmit(
        driver.openTask(instance.getId(), ConventionApplicationProcess.REVIEW_TASK),
        "delivery.referent",
        Map.of("decision", "accepter"));
    TestMailServer.reset();
    return instance;
  }

  private static void acceptAndSayNothing(ServerSocket server) {
    try (Socket socket = server.accept()) {
      Thread.sleep(60_000);
    } catch (IOException | InterruptedException e) {
      // the test is over
    }
  }

  @TestConfiguration
  static class FailingAfterSend {
    static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @Bean("notifyThenFailOnce")
    JavaDelegate notifyThenFailOnce(NotificationService notifications) {
      return execution -> {
        notifications.send(
            ProcessNotifications.eventKey(execution),
            Mail.of("convention-application-refused")
                .to("once@example.fr")
                .with("organisation", new Organisation(
                    1L, "Organisation de test", LegalForm.ASSOCIATION, "21505019300014", "Saint-Lô", null, "Test",
                    "once@example.fr", null))
                .with("convention", java.util.Map.of("decisionReason", "Test"))
                .with("referentContact", "Claire Lemoine (claire.lemoine@manche.fr)"));
        if (ATTEMPTS.incrementAndGet() == 1) {
          throw new IllegalStateException("database went away");
        }
      };
    }
  }
}
