package fr.manche.tna.communication;

import static fr.manche.tna.communication.process.CommunicationRequestProcess.AMEND_TASK;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.NOTIFY_MEMBER;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.NOTIFY_REFERENTS;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.REVIEW_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.communication.process.CommunicationRequestProcess;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R21: a member asks the département's prior agreement before promoting the cooperation. */
@ApplicationTest
class CommunicationRequestTest {

  @Autowired ProcessDriver driver;
  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired CommunicationRequestService service;
  Person member;

  @BeforeEach
  void member() {
    TestMailServer.ensureUp();
    TestMailServer.reset();
    driver.ensureStaff("com.referent", "com.referent@manche.fr", "tna-referents-reseau");
    long organisationId =
        organisations.insert(
            new Organisation(null, "Commune de Brécey", LegalForm.COLLECTIVITE_TERRITORIALE, TestSirets.next(),
                "Mairie, 50370 Brécey", null, "Nina Roux", "nina.roux@brecey.example.fr", null),
            OffsetDateTime.now());
    member = accounts.addPerson(organisationId, "Nina", "Roux", "nina" + System.nanoTime() + "@brecey.example.fr", "REFERENT", "test");
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void r21AChangeRequestGoesBackToTheMemberThenTheAgreementIsMailed() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-10-20T09:00:00Z")));
    ProcessInstance instance = start(request("15/11/2026"));
    assertThat(driver.runJob(instance.getId(), NOTIFY_REFERENTS)).isNull();
    assertThat(Mails.subject(Mails.to("com.referent@manche.fr").get(0)))
        .isEqualTo("Demande d'accord pour une communication : Commune de Brécey");

    assertThatThrownBy(
            () -> driver.claimAndSubmit(driver.openTask(instance.getId(), REVIEW_TASK), "com.referent", Map.of("decision", "modifier")))
        .hasMessageContaining("Expliquez à la structure ce qu'il faut modifier");
    driver.claimAndSubmit(
        driver.openTask(instance.getId(), REVIEW_TASK),
        "com.referent",
        Map.of("decision", "modifier", "decisionComment", "Ajoutez le logo du Département."));
    assertThat(driver.runJob(instance.getId(), NOTIFY_MEMBER)).isNull();
    assertThat(Mails.part(Mails.to(member.email()).get(0), "text/plain"))
        .contains("est à modifier")
        .contains("Ajoutez le logo du Département.")
        .contains("Modifier la demande dans la liste des tâches : https://reseau-tna.example.fr/taches?processus=" + instance.getId());

    Map<String, String> amended = request("20/11/2026");
    amended.put("content", "Article avec le logo du Département");
    driver.claimAndSubmit(driver.openTask(instance.getId(), AMEND_TASK), member.userId(), amended);
    assertThat(driver.runJob(instance.getId(), NOTIFY_REFERENTS)).isNull();
    driver.claimAndSubmit(driver.openTask(instance.getId(), REVIEW_TASK), "com.referent", Map.of("decision", "accorder"));
    assertThat(driver.runJob(instance.getId(), NOTIFY_MEMBER)).isNull();

    List<String> subjects = Mails.to(member.email()).stream().map(Mails::subject).toList();
    assertThat(subjects).last().isEqualTo("Votre demande de communication est accordée : « Bulletin d'automne »");
    // Answered, there is nothing left to do in Tasklist: the mail links to where the member follows their requests.
    assertThat(Mails.part(Mails.to(member.email()).get(subjects.size() - 1), "text/plain"))
        .contains("Suivre mes demandes : https://reseau-tna.example.fr/mes-demandes");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_RequestAnswered");
    CommunicationRequest recorded =
        service.find(CommunicationRequestProcess.REQUEST_ID.getOptional(historyService, instance.getId()).orElseThrow());
    assertThat(recorded.status()).isEqualTo(CommunicationDecision.ACCORDEE);
    assertThat(recorded.content()).isEqualTo("Article avec le logo du Département");
    assertThat(recorded.decidedBy()).isEqualTo("com.referent");
  }

  @Test
  void r21TheAgreementMustComeBeforeTheDiffusion() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-10-20T09:00:00Z")));
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CommunicationRequestProcess.KEY).count();
    assertThatThrownBy(() -> start(request("20/10/2026")))
        .hasMessageContaining("La diffusion doit être prévue après aujourd'hui");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CommunicationRequestProcess.KEY).count())
        .isEqualTo(before);
  }

  @Test
  void onlyAMembersPersonCanFileARequest() {
    identityService.setAuthentication("com.referent", List.of("tna-referents-reseau"));
    assertThatThrownBy(() -> driver.submitStartForm(CommunicationRequestProcess.KEY, request("01/01/2099")))
        .hasMessageContaining("does not have 'CREATE_INSTANCE' permission on resource 'CommunicationRequest'");
  }

  private ProcessInstance start(Map<String, String> values) {
    identityService.setAuthentication(member.userId(), List.of(AccountService.ALL_MEMBERS_GROUP));
    try {
      return driver.submitStartForm(CommunicationRequestProcess.KEY, values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Map<String, String> request(String plannedOn) {
    Map<String, String> values = new HashMap<>();
    values.put("subject", "Bulletin d'automne");
    values.put("content", "Article sur les ateliers numériques de la médiathèque");
    values.put("media", "Bulletin municipal, site de la commune");
    values.put("partners", "");
    values.put("plannedOn", plannedOn);
    return values;
  }
}
