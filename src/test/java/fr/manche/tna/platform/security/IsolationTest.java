package fr.manche.tna.platform.security;

import static fr.manche.tna.communication.process.CommunicationRequestProcess.AMEND_TASK;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.NOTIFY_MEMBER;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.NOTIFY_REFERENTS;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.REVIEW_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.manche.tna.communication.process.CommunicationRequestProcess;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two member organisations A and B and a staff referent. A's people never see B's data (and the reverse),
 * whatever the way in: the REST API, the webapps' internal API used by Tasklist; anonymous callers are
 * refused; members cannot reassign tasks, open Cockpit or Admin, or list users and groups.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationTest {

  static final String PASSWORD = "un-mot-de-passe-solide";

  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired IdentityService identityService;
  @Autowired ProcessDriver driver;
  @LocalServerPort int port;

  final ObjectMapper json = new ObjectMapper();
  Person alice;
  Person bob;
  String instanceOfA;
  String instanceOfB;
  String taskOfA;
  String taskOfB;

  @BeforeAll
  void twoMembersWithARequestEach() throws Exception {
    TestMailServer.ensureUp();
    driver.ensureStaff("iso.referent", "iso.referent@manche.fr", "tna-referents-reseau");
    setPassword("iso.referent");
    alice = member("Médiathèque A", "Alice", "alice.iso@a.example.fr");
    bob = member("Association B", "Bob", "bob.iso@b.example.fr");
    instanceOfA = startCommunicationRequest(alice.userId(), "Article A");
    instanceOfB = startCommunicationRequest(bob.userId(), "Article B");
    taskOfA = askForChanges(instanceOfA);
    taskOfB = askForChanges(instanceOfB);
  }

  @Test
  void anonymousCallersAreRefused() {
    WebClient anonymous = new WebClient(port);
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/user",
        "/engine-rest/history/process-instance", "/engine-rest/variable-instance")) {
      assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(anonymous.get("/camunda/api/engine/engine/default/task").statusCode()).isIn(401, 403);
    assertThat(new WebClient(port).basic(alice.userId(), "mauvais mot de passe").get("/engine-rest/task").statusCode())
        .isEqualTo(401);
  }

  @Test
  void theMailedTaskLinkOpensTheTaskOnlyForThoseWhoMaySeeIt() {
    String link = "/taches?processus=" + instanceOfA;
    assertThat(location(new WebClient(port).get(link))).doesNotContain(taskOfA)
        .endsWith("/connexion?retour=%2Ftaches%3Fprocessus%3D" + instanceOfA);
    WebClient b = new WebClient(port);
    b.loginToWebapps(bob.userId(), PASSWORD);
    assertThat(location(b.get(link))).doesNotContain(taskOfA);
    WebClient a = new WebClient(port);
    a.loginToWebapps(alice.userId(), PASSWORD);
    assertThat(location(a.get(link))).endsWith("?task=" + taskOfA);
  }

  private static String location(HttpResponse<String> redirect) {
    assertThat(redirect.statusCode()).isEqualTo(302);
    return redirect.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void networkWideCountsAreForStaffOnly() {
    // Bob: Alice's account has a failed login in another test, which delays her next one (login throttling).
    WebClient b = new WebClient(port).basic(bob.userId(), PASSWORD);
    for (String path : List.of("/engine-rest/process-definition/statistics", "/engine-rest/metrics/activity-instance-start/sum",
        "/engine-rest/metrics?name=activity-instance-start", "/engine-rest/task/report/candidate-group-count")) {
      assertThat(b.get(path).statusCode()).as(path).isIn(403, 404);
    }
    WebClient tasklist = new WebClient(port);
    tasklist.loginToWebapps(bob.userId(), PASSWORD);
    assertThat(tasklist.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count").statusCode())
        .isEqualTo(403);

    WebClient staffInCockpit = new WebClient(port);
    staffInCockpit.loginToWebapps("iso.referent", PASSWORD);
    assertThat(staffInCockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count").statusCode())
        .isEqualTo(200);

    WebClient staff = new WebClient(port).basic("iso.referent", PASSWORD);
    assertThat(staff.get("/engine-rest/process-definition/statistics").statusCode()).isEqualTo(200);
    assertThat(staff.get("/engine-rest/metrics?name=activity-instance-start").statusCode()).isEqualTo(200);
  }

  @Test
  void throughTheRestApiEachMemberSeesOnlyItsOwnWork() throws Exception {
    WebClient a = new WebClient(port).basic(alice.userId(), PASSWORD);
    WebClient b = new WebClient(port).basic(bob.userId(), PASSWORD);

    assertThat(ids(a.get("/engine-rest/task?firstResult=0&maxResults=50"))).containsExactly(taskOfA);
    assertThat(ids(b.get("/engine-rest/task?firstResult=0&maxResults=50"))).containsExactly(taskOfB);
    assertThat(ids(a.get("/engine-rest/process-instance?firstResult=0&maxResults=50"))).containsExactly(instanceOfA);
    assertThat(ids(a.get("/engine-rest/history/process-instance?firstResult=0&maxResults=50"))).containsExactly(instanceOfA);
    assertThat(field(a.get("/engine-rest/variable-instance?firstResult=0&maxResults=50"), "processInstanceId")).containsOnly(instanceOfA);
    assertThat(field(a.get("/engine-rest/history/variable-instance?firstResult=0&maxResults=50"), "processInstanceId")).containsOnly(instanceOfA);
    assertThat(field(a.get("/engine-rest/history/task?firstResult=0&maxResults=50"), "processInstanceId")).containsOnly(instanceOfA);
    assertThat(a.get("/engine-rest/history/variable-instance?firstResult=0&maxResults=50").body()).doesNotContain("Article B");

    assertThat(a.get("/engine-rest/task/" + taskOfB).statusCode()).isIn(403, 404);
    assertThat(a.get("/engine-rest/process-instance/" + instanceOfB + "/variables").statusCode()).isIn(403, 404);
    assertThat(a.get("/engine-rest/task/" + taskOfA + "/form-variables").body()).contains("Article A");
  }

  @Test
  void membersCannotListUsersOrGroupsNorReassignTasks() throws Exception {
    WebClient a = new WebClient(port).basic(alice.userId(), PASSWORD);
    assertThat(ids(a.get("/engine-rest/user?firstResult=0&maxResults=50"))).containsOnly(alice.userId());
    // Their own groups only: their organisation's and the members' group.
    String groupOfA = organisations.findById(alice.organisationId()).orElseThrow().memberGroupId();
    assertThat(ids(a.get("/engine-rest/group?firstResult=0&maxResults=50")))
        .containsExactlyInAnyOrder(groupOfA, AccountService.ALL_MEMBERS_GROUP);

    HttpResponse<String> reassign = a.postJson("/engine-rest/task/" + taskOfA + "/assignee", "{\"userId\": \"" + bob.userId() + "\"}");
    assertThat(reassign.statusCode()).isEqualTo(404); // a member is told no more than "impossible" (README "Security")
    assertThat(a.postJson("/engine-rest/task/" + taskOfA + "/claim", "{\"userId\": \"" + alice.userId() + "\"}").statusCode())
        .isEqualTo(204);
  }

  @Test
  void throughTheWebappsEachMemberSeesOnlyItsOwnWorkAndOnlyTasklist() throws Exception {
    WebClient a = new WebClient(port);
    assertThat(a.loginToWebapps(alice.userId(), PASSWORD)).isEqualTo(200);
    assertThat(ids(a.get("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=50"))).containsExactly(taskOfA);
    assertThat(ids(a.get("/camunda/api/engine/engine/default/history/process-instance?firstResult=0&maxResults=50"))).containsExactly(instanceOfA);
    JsonNode me = json.readTree(a.get("/camunda/api/admin/auth/user/default").body());
    assertThat(me.get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit").doesNotContain("admin");
    assertThat(a.get("/camunda/app/cockpit/default/").statusCode()).isIn(401, 403);
    assertThat(a.get("/camunda/app/admin/default/").statusCode()).isIn(401, 403);
    assertThat(a.get("/camunda/api/engine/engine/default/user").body()).doesNotContain(bob.userId());

    WebClient staff = new WebClient(port);
    assertThat(staff.loginToWebapps("iso.referent", PASSWORD)).isEqualTo(200);
    assertThat(ids(staff.get("/camunda/api/engine/engine/default/history/process-instance?firstResult=0&maxResults=50&processDefinitionKey="
            + CommunicationRequestProcess.KEY)))
        .contains(instanceOfA, instanceOfB);
  }

  @Test
  void queriesMustBePagedAndPagesAreLimited() {
    WebClient staff = new WebClient(port).basic("iso.referent", PASSWORD);
    HttpResponse<String> tooLarge = staff.get("/engine-rest/task?firstResult=0&maxResults=100000");
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(tooLarge.body()).contains("Une requête ne peut demander plus de 500 résultats");
    assertThat(staff.get("/engine-rest/task").statusCode()).as("an unpaged list gets the first page").isEqualTo(200);
  }

  @Test
  void staffSeeEveryMembersWork() throws Exception {
    WebClient staff = new WebClient(port).basic("iso.referent", PASSWORD);
    assertThat(ids(staff.get("/engine-rest/task?firstResult=0&maxResults=50&processDefinitionKey=" + CommunicationRequestProcess.KEY)))
        .contains(taskOfA, taskOfB);
  }

  private Person member(String organisationName, String firstName, String email) {
    long id =
        organisations.insert(
            new Organisation(null, organisationName, LegalForm.ASSOCIATION, TestSirets.next(), "1 rue de la Paix, 50000 Saint-Lô",
                null, firstName + " Contact", email, null),
            OffsetDateTime.now());
    Person person = accounts.addPerson(id, firstName, "Iso" + System.nanoTime(), email.replace("@", System.nanoTime() + "@"),
        "ANIMATEUR", "test");
    setPassword(person.userId());
    return person;
  }

  private void setPassword(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
  }

  private String startCommunicationRequest(String userId, String subject) throws Exception {
    WebClient member = new WebClient(port).basic(userId, PASSWORD);
    HttpResponse<String> started =
        member.postJson(
            "/engine-rest/process-definition/key/" + CommunicationRequestProcess.KEY + "/submit-form",
            """
            {"variables": {
              "subject": {"value": "%s"}, "content": {"value": "Nos ateliers numériques avec le Département"},
              "media": {"value": "Bulletin municipal"}, "plannedOn": {"value": "01/06/2099"}}}
            """.formatted(subject));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = json.readTree(started.body()).get("id").asText();
    assertThat(driver.runJob(instanceId, NOTIFY_REFERENTS)).isNull();
    return instanceId;
  }

  private String askForChanges(String instanceId) {
    driver.claimAndSubmit(
        driver.openTask(instanceId, REVIEW_TASK),
        "iso.referent",
        Map.of("decision", "modifier", "decisionComment", "Citez le Département comme partenaire."));
    assertThat(driver.runJob(instanceId, NOTIFY_MEMBER)).isNull();
    Task amend = driver.openTask(instanceId, AMEND_TASK);
    assertThat(amend).isNotNull();
    return amend.getId();
  }

  private List<String> ids(HttpResponse<String> response) throws Exception {
    return field(response, "id");
  }

  private List<String> field(HttpResponse<String> response, String name) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> values = new ArrayList<>();
    json.readTree(response.body()).forEach(node -> values.add(node.get(name).asText()));
    return values;
  }
}
