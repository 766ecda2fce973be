package fr.manche.tna.platform.security;

import static fr.manche.tna.loan.process.LoanRequestProcess.APPROVE_TASK;
import static fr.manche.tna.loan.process.LoanRequestProcess.CHOOSE_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10's isolation, as IsolationTest does for the other requests: two members A and B with loans. Over
 * {@code /engine-rest} and the webapps' API, A sees only its own loan requests, their variables and history,
 * cannot work on B's tasks, and cannot end or extend any loan by sending the process's messages itself (only the
 * page « Mes emprunts », through the service that checks the organisation and frees the items).
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoanIsolationTest {

  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loans;
  @Autowired ProcessDriver driver;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired LoanRequestService requests;
  @Autowired Availability availability;
  @LocalServerPort int port;

  final ObjectMapper json = new ObjectMapper();
  String userA;
  String userB;
  ProcessInstance choosingA;
  ProcessInstance choosingB;
  ProcessInstance approvedB;
  Item itemB;

  @BeforeAll
  void twoMembersWithLoans() {
    TestMailServer.ensureUp();
    ConventionFixtures.Signed a = fixtures.signed(TestSirets.next(), "Médiathèque de Lessay", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    ConventionFixtures.Signed b = fixtures.signed(TestSirets.next(), "Centre social de Carentan", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    userA = a.memberSignatoryUserId();
    userB = b.memberSignatoryUserId();
    OwnedInstances.setPassword(identityService, userA);
    OwnedInstances.setPassword(identityService, userB);
    loans.insuredUntil(a.convention().organisationId(), LocalDate.of(2030, 12, 31));
    loans.insuredUntil(b.convention().organisationId(), LocalDate.of(2030, 12, 31));
    itemB = loans.item("Casque de réalité virtuelle");
    // The requests are filed with the clock a few days ahead of the real one: the REST calls below run at the real time.
    LocalDate today = LocalDate.now(fr.manche.tna.platform.time.ParisTime.ZONE);
    String first = today.plusDays(20).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    String last = today.plusDays(24).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    choosingA = loans.start(userA, first, last, "");
    choosingB = loans.start(userB, first, last, "");
    approvedB = loans.request(userB, first, last, itemB.inventoryNumber(), "");
    loans.decide(approvedB, APPROVE_TASK, ConventionFixtures.EQUIPMENT_MANAGER, "approuver", "");
  }

  @AfterAll
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void throughTheRestApiAMemberSeesOnlyItsOwnLoanRequests() throws Exception {
    WebClient a = new WebClient(port).basic(userA, OwnedInstances.PASSWORD);
    String taskOfA = driver.openTask(choosingA.getId(), CHOOSE_TASK).getId();
    String taskOfB = driver.openTask(choosingB.getId(), CHOOSE_TASK).getId();
    String loanProcess = "&processDefinitionKey=LoanRequest";
    assertThat(ids(a.get("/engine-rest/task?firstResult=0&maxResults=50" + loanProcess))).containsExactly(taskOfA);
    assertThat(ids(a.get("/engine-rest/process-instance?firstResult=0&maxResults=50" + loanProcess))).containsExactly(choosingA.getId());
    assertThat(ids(a.get("/engine-rest/history/process-instance?firstResult=0&maxResults=50" + loanProcess)))
        .containsExactly(choosingA.getId());
    assertThat(a.get("/engine-rest/history/variable-instance?firstResult=0&maxResults=200").body())
        .doesNotContain(choosingB.getId()).doesNotContain(approvedB.getId()).doesNotContain("Centre social de Carentan");
    assertThat(a.get("/engine-rest/task/" + taskOfB + "/form-variables").statusCode()).isIn(403, 404);
    assertThat(a.postJson("/engine-rest/task/" + taskOfB + "/claim", "{\"userId\": \"" + userA + "\"}").statusCode())
        .isIn(403, 404);
    assertThat(a.postJson("/engine-rest/task/" + taskOfB + "/complete",
        "{\"variables\": {\"memberChoice\": {\"value\": \"abandon\"}}}").statusCode()).isIn(403, 404);
    assertThat(requests.find(loans.loanIdOf(choosingB)).status()).isEqualTo(LoanRequestStatus.A_COMPLETER);

    WebClient tasklist = new WebClient(port);
    tasklist.loginToWebapps(userA, OwnedInstances.PASSWORD);
    assertThat(ids(tasklist.get("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=50" + loanProcess)))
        .containsExactly(taskOfA);
  }

  @Test
  void noMemberEndsOrExtendsALoanBySendingItsMessages() {
    WebClient a = new WebClient(port).basic(userA, OwnedInstances.PASSWORD);
    WebClient b = new WebClient(port).basic(userB, OwnedInstances.PASSWORD);
    List<Integer> statuses = new ArrayList<>();
    for (String message : List.of("LoanCancelled", "LoanExtended", "LoanPreempted")) {
      for (WebClient caller : List.of(a, b)) {
        statuses.add(caller.postJson("/engine-rest/message", "{\"messageName\": \"" + message + "\", \"processInstanceId\": \""
            + approvedB.getId() + "\"}").statusCode());
        statuses.add(caller.postJson("/engine-rest/message", "{\"messageName\": \"" + message + "\", \"all\": true}").statusCode());
      }
    }
    statuses.add(a.postJson("/engine-rest/signal", "{\"name\": \"LoanCancelled\"}").statusCode());
    assertThat(statuses).allMatch(status -> status >= 400 && status < 500);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(approvedB.getId()).count()).isOne();
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(approvedB.getId()).count()).isOne();
    assertThat(requests.find(loans.loanIdOf(approvedB)).status()).isEqualTo(LoanRequestStatus.APPROUVEE);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(choosingA.getId()).count()).isOne();
  }

  private List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode node : json.readTree(response.body())) {
      ids.add(node.get("id").asText());
    }
    return ids;
  }
}
