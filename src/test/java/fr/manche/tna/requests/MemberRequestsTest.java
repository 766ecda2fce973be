package fr.manche.tna.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.deployment.ModelDeployer;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every request a member starts is acknowledged by mail, with where to follow it ({@code /mes-demandes}),
 * whatever the process: the platform hooks every process that members start from a start form.
 */
@ApplicationTest
class MemberRequestsTest {

  static final String PASSWORD = "un mot de passe assez long";

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired ConventionFixtures fixtures;
  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngineConfiguration configuration;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    TestMailServer.reset();
    fixtures.ensureStaff();
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void everyProcessThatMembersStartFromAFormIsAcknowledged() {
    List<String> memberProcesses = new ModelDeployer(null).findModels().entrySet().stream()
        .filter(model -> model.getKey().endsWith(".bpmn"))
        .map(model -> Bpmn.readModelFromStream(new ByteArrayInputStream(model.getValue())).getModelElementsByType(Process.class)
            .iterator().next())
        .filter(process -> process.getCamundaCandidateStarterGroupsList().contains(AccountService.ALL_MEMBERS_GROUP))
        .filter(process -> process.getChildElementsByType(StartEvent.class).stream()
            .anyMatch(start -> start.getCamundaFormRef() != null || start.getCamundaFormKey() != null))
        .map(Process::getId)
        .toList();
    assertThat(memberProcesses).contains("CommunicationRequest", "ConventionAmendment");
    for (String key : memberProcesses) {
      assertThat(startListenersOf(key)).as(key).hasAtLeastOneElementOfType(MemberRequestStarts.Acknowledge.class);
    }
    assertThat(startListenersOf("ConventionRenewal")).as("started by staff only").noneMatch(MemberRequestStarts.Acknowledge.class::isInstance);
  }

  /** The built-in start listeners of the process's latest version, as the engine deployed it. */
  private List<?> startListenersOf(String key) {
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    return engine.getCommandExecutorTxRequired().execute(context -> {
      ProcessDefinitionEntity deployed = engine.getDeploymentCache().findDeployedProcessDefinitionById(latest.getId());
      return List.copyOf(deployed.getBuiltInListeners(ExecutionListener.EVENTNAME_START));
    });
  }

  @Test
  void aMembersRequestIsAcknowledgedByMailWithWhereToFollowItAndTheMemberFollowsIt() {
    // Monday 1 March 2027, 10:15 in Paris (UTC+1).
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T09:15:00Z")));
    Person member = person("Commune de Tessy-Bocage");
    ProcessInstance request = startAs(member, communication("15/04/2027"));

    ProcessInstance acknowledgement = acknowledgementOf(request);
    assertThat(driver.runJob(acknowledgement.getId(), RequestAcknowledgementProcess.NOTIFY_REQUESTER)).isNull();
    List<MimeMessage> received = Mails.to(member.email());
    assertThat(received).hasSize(1);
    assertThat(Mails.subject(received.get(0))).isEqualTo("Votre demande a bien été reçue : Demande d'accord pour une communication");
    assertThat(Mails.part(received.get(0), "text/plain"))
        .contains("Bonjour Nina,")
        .contains("Le Département de la Manche a bien reçu votre demande « Demande d'accord pour une communication » pour "
            + "Commune de Tessy-Bocage, le lundi 1er mars 2027 à 10h15.")
        .contains("Si une action vous est demandée (compléter, modifier ou signer), elle apparaîtra dans votre liste des tâches.")
        .contains("sur la page « Mes demandes » : https://reseau-tna.example.fr/mes-demandes")
        .contains("Suivre mes demandes : https://reseau-tna.example.fr/mes-demandes")
        .contains("écrivez au référent du réseau : ")
        .contains(ConventionFixtures.REFERENT_EMAIL);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(acknowledgement.getId()).singleResult()
            .getEndActivityId()).isEqualTo("EndEvent_RequesterNotified");
  }

  @Test
  void theMemberFollowsTheirOrganisationsRequestsAndNoOneElses() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T09:15:00Z")));
    Person member = person("Commune de Percy");
    ProcessInstance request = startAs(member, communication("15/04/2027"));
    driver.runJobs(request.getId());
    Person other = person("Commune de Gavray");

    WebClient page = new WebClient(port);
    assertThat(page.loginToWebapps(member.userId(), PASSWORD)).isEqualTo(200);
    String mine = page.get("/mes-demandes").body();
    assertThat(mine)
        .contains("<td>Demande d&#39;accord pour une communication</td>")
        .contains("<td>lundi 1er mars 2027 à 10h15</td>")
        .contains("<td>En cours, étape : Examiner la demande de communication</td>")
        .doesNotContain("Accusé de réception");

    WebClient otherPage = new WebClient(port);
    assertThat(otherPage.loginToWebapps(other.userId(), PASSWORD)).isEqualTo(200);
    assertThat(otherPage.get("/mes-demandes").body())
        .contains("Votre organisation n'a encore aucune demande")
        .doesNotContain("Demande d&#39;accord pour une communication");
    assertThat(new WebClient(port).get("/mes-demandes").statusCode()).isEqualTo(401);

    // A deactivated account has left its organisation, even with its session still open.
    accounts.deactivate(member.id(), "test");
    assertThat(page.get("/mes-demandes").body()).doesNotContain("Demande d&#39;accord pour une communication");
  }

  @Test
  void aRequestStartedByStaffOrRefusedAtItsStartIsNotAcknowledged() {
    String siret = TestSirets.next();
    ConventionFixtures.Signed signed = fixtures.signed(siret, "Commune de Sartilly",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    ConventionFixtures.at(LocalDate.of(2027, 3, 3));
    long before = acknowledgements();
    fixtures.asUser(ConventionFixtures.REFERENT);
    try {
      driver.submitStartForm("ConventionAmendment", Map.of("siret", siret, "amendmentObject", "Horaires",
          "amendmentContent", "Ouverture le samedi", "namedEffectiveDate", ""));
    } finally {
      fixtures.clearUser();
    }
    assertThat(acknowledgements()).as("started by staff").isEqualTo(before);

    Person member = person("Commune de Lolif");
    assertThatThrownBy(() -> startAs(member, communication("03/03/2027"))).hasMessageContaining("après aujourd'hui");
    assertThat(acknowledgements()).as("refused at its start: nothing was received").isEqualTo(before);

    // The member's amendment request is acknowledged too.
    fixtures.asUser(signed.memberSignatoryUserId());
    ProcessInstance amendment;
    try {
      amendment = driver.submitStartForm("ConventionAmendment", Map.of("siret", "", "amendmentObject", "Lieu",
          "amendmentContent", "Un second lieu d'ateliers", "namedEffectiveDate", ""));
    } finally {
      fixtures.clearUser();
    }
    assertThat(driver.runJob(acknowledgementOf(amendment).getId(), RequestAcknowledgementProcess.NOTIFY_REQUESTER)).isNull();
    assertThat(Mails.to(signed.memberSignatoryEmail()).stream().map(Mails::subject))
        .contains("Votre demande a bien été reçue : Avenant à la convention de coopération");
  }

  private long acknowledgements() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(RequestAcknowledgementProcess.KEY).count();
  }

  private ProcessInstance acknowledgementOf(ProcessInstance request) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(RequestAcknowledgementProcess.KEY)
        .processInstanceBusinessKey(request.getId()).singleResult();
  }

  private ProcessInstance startAs(Person member, Map<String, String> values) {
    identityService.setAuthentication(member.userId(), List.of(AccountService.ALL_MEMBERS_GROUP));
    try {
      return driver.submitStartForm("CommunicationRequest", values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Person person(String organisationName) {
    long organisationId = organisations.insert(
        new Organisation(null, organisationName, LegalForm.COLLECTIVITE_TERRITORIALE, TestSirets.next(), "Mairie, 50420 Tessy",
            null, "Nina Roux", "mairie" + System.nanoTime() + "@example.fr", null),
        OffsetDateTime.now());
    Person person = accounts.addPerson(organisationId, "Nina", "Roux" + System.nanoTime(), "nina" + System.nanoTime() + "@example.fr",
        "REFERENT", "test");
    User user = identityService.createUserQuery().userId(person.userId()).singleResult();
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    return person;
  }

  private static Map<String, String> communication(String plannedOn) {
    Map<String, String> values = new HashMap<>();
    values.put("subject", "Bulletin de printemps");
    values.put("content", "Article sur les ateliers numériques");
    values.put("media", "Bulletin municipal");
    values.put("partners", "");
    values.put("plannedOn", plannedOn);
    return values;
  }
}
