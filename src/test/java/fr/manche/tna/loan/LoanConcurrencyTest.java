package fr.manche.tna.loan;

import static fr.manche.tna.loan.process.LoanRequestProcess.APPROVE_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.inventory.Item;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10's acceptance, on H2 and on PostgreSQL: 50 callers at the same moment, 25 equipment managers approving
 * 25 requests for one item over the same days and 25 extensions of the loan holding the days just before, end
 * with exactly one of them holding those days; every other caller reads a French sentence, and nothing is half
 * written (no reservation, no extension, no request changed but the winner's).
 */
@ApplicationTest
class LoanConcurrencyTest {

  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loans;
  @Autowired ProcessDriver driver;
  @Autowired LoanRequestService requests;
  @Autowired LoanLifecycle lifecycle;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void fiftySimultaneousApprovalsAndExtensionsOverTheSameDaysEndWithExactlyOneReservation() throws Exception {
    TestMailServer.ensureUp();
    ConventionFixtures.Signed member = fixtures.signed(TestSirets.next(), "Espace numérique de Brécey",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    String user = member.memberSignatoryUserId();
    long organisationId = member.convention().organisationId();
    loans.insuredUntil(organisationId, LocalDate.of(2030, 12, 31));
    Item drone = loans.item("Drone");
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
    ProcessInstance holder = loans.request(user, "01/03/2027", "10/03/2027", drone.inventoryNumber(), "");
    loans.decide(holder, APPROVE_TASK, ConventionFixtures.EQUIPMENT_MANAGER, "approuver", "");
    long holderId = loans.loanIdOf(holder);
    List<ProcessInstance> pending = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      pending.add(loans.request(user, "11/03/2027", "15/03/2027", drone.inventoryNumber(), ""));
    }
    List<Task> approvals = pending.stream().map(request -> driver.openTask(request.getId(), APPROVE_TASK)).toList();

    int callers = 50;
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        Task approval = i % 2 == 0 ? approvals.get(i / 2) : null;
        Callable<String> call = () -> {
          ready.countDown();
          go.await();
          try {
            if (approval != null) {
              driver.claimAndSubmit(approval, ConventionFixtures.EQUIPMENT_MANAGER,
                  Map.of("loanDecision", "approuver", "loanDecisionReason", ""));
              return "approuvée";
            }
            lifecycle.requestExtension(organisationId, holderId, "15/03/2027", "", user);
            return "prolongée";
          } catch (InvalidInputException refused) {
            return "refus : " + refused.getMessage();
          }
        };
        outcomes.add(pool.submit(call));
      }
      ready.await(30, TimeUnit.SECONDS);
      go.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get(120, TimeUnit.SECONDS));
      }
      assertThat(results.stream().filter(result -> !result.startsWith("refus : "))).as(results.toString()).hasSize(1);
      assertThat(results.stream().filter(result -> result.startsWith("refus : "))).hasSize(callers - 1)
          .allMatch(result -> result.contains("Le matériel n° " + drone.inventoryNumber())
              || result.contains("doit suivre le dernier jour actuel du prêt"), "a French sentence naming the item or the day");

      List<Long> holders = jdbc.sql("""
              select distinct reservation_id from reservation_day where item_id = ? and reserved_on between ? and ?
              """).params(drone.id(), LocalDate.of(2027, 3, 11), LocalDate.of(2027, 3, 15)).query(Long.class).list();
      assertThat(holders).hasSize(1);
      assertThat(jdbc.sql("select count(*) from reservation_day where item_id = ? and reserved_on between ? and ?")
          .params(drone.id(), LocalDate.of(2027, 3, 11), LocalDate.of(2027, 3, 15)).query(Long.class).single()).isEqualTo(5);
      boolean extended = results.contains("prolongée");
      assertThat(jdbc.sql("select count(*) from reservation where item_id = ? and released_at is null").param(drone.id())
          .query(Long.class).single()).as("no half-written reservation").isEqualTo(extended ? 1 : 2);
      assertThat(jdbc.sql("select count(*) from loan_extension where loan_request_id = ?").param(holderId)
          .query(Long.class).single()).as("no half-written extension").isEqualTo(extended ? 1 : 0);
      long approved = pending.stream().filter(request ->
          requests.find(loans.loanIdOf(request)).status() == LoanRequestStatus.APPROUVEE).count();
      assertThat(approved).isEqualTo(extended ? 0 : 1);
      assertThat(pending.stream().filter(request -> requests.find(loans.loanIdOf(request)).status() == LoanRequestStatus.EN_EXAMEN))
          .as("the refused approvals leave their requests waiting, their task open").hasSize(extended ? 25 : 24);
      assertThat(requests.find(holderId).lastDay()).isEqualTo(extended ? LocalDate.of(2027, 3, 15) : LocalDate.of(2027, 3, 10));
    } finally {
      pool.shutdownNow();
    }
  }
}
