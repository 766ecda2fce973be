package fr.manche.tna.loan;

import static fr.manche.tna.loan.process.LoanRequestProcess.APPROVE_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.inventory.Item;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The loans' Tasklist filters (issue 10, item 7), created at start: each role reads its own, the members none of
 * them, and « Prêts : demandes à approuver » lists the requests waiting for the equipment managers.
 */
@ApplicationTest
class LoanTasklistFiltersTest {

  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loans;
  @Autowired ProcessDriver driver;
  @Autowired FilterService filterService;

  @AfterEach
  void tearDown() {
    fixtures.clearUser();
    ClockUtil.reset();
  }

  @Test
  void eachRoleReadsItsOwnLoanFiltersAndTheManagersSeeTheRequestsToApprove() {
    TestMailServer.ensureUp();
    ConventionFixtures.Signed member = fixtures.signed(TestSirets.next(), "Médiathèque de Sourdeval",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    loans.insuredUntil(member.convention().organisationId(), LocalDate.of(2030, 12, 31));
    Item tablet = loans.item("Tablette");
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
    ProcessInstance request = loans.request(member.memberSignatoryUserId(), "01/03/2027", "05/03/2027", tablet.inventoryNumber(), "");
    Task approval = driver.openTask(request.getId(), APPROVE_TASK);

    assertThat(filtersOf(ConventionFixtures.EQUIPMENT_MANAGER))
        .contains("Prêts : demandes à approuver", "Prêts : relances", "Remises du matériel : rendez-vous", "Mes tâches",
            "Tâches de mes groupes")
        .doesNotContain("Prêts de plus de 30 jours et prolongations");
    assertThat(filtersOf(ConventionFixtures.REFERENT)).contains("Prêts de plus de 30 jours et prolongations")
        .doesNotContain("Prêts : demandes à approuver");
    assertThat(filtersOf(member.memberSignatoryUserId())).noneMatch(name -> name.startsWith("Prêts"));

    fixtures.asUser(ConventionFixtures.EQUIPMENT_MANAGER);
    Filter toApprove = filterService.createFilterQuery().filterName("Prêts : demandes à approuver").singleResult();
    List<Task> listed = filterService.list(toApprove.getId());
    assertThat(listed).extracting(Task::getId).contains(approval.getId());
    assertThat(listed).allMatch(task -> task.getTaskDefinitionKey().equals(APPROVE_TASK));
  }

  private List<String> filtersOf(String userId) {
    fixtures.asUser(userId);
    try {
      return filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      fixtures.clearUser();
    }
  }
}
