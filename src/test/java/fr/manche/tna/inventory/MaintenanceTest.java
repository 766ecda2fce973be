package fr.manche.tna.inventory;

import static fr.manche.tna.test.WebClient.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.inventory.process.MaintenanceProcess;
import fr.manche.tna.loan.process.LoanRequestProcess;
import fr.manche.tna.platform.forms.FormOptions;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.HandoverFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, item 6 (R18): maintenance blocking availability. A type serviced every 2 loans: the second return opens a
 * maintenance, which holds the item from its first free days (not offered to a new loan over them) and gives the
 * equipment managers a task; recording it done frees the item. A type serviced every 30 days: the daily sweep opens
 * one after 30 days, and only one however often it runs; not done by the end of its days, it holds the item one day
 * more each morning. Bad settings are refused in French, nothing saved.
 */
@ApplicationTest
class MaintenanceTest {

  static final String WHAT = "Mise à jour du logiciel et contrôle des batteries";
  static final String PASSWORD = "un mot de passe assez long";
  static final String MANAGER = "entretien.gestionnaire";
  static final String REFERENT = "entretien.referent";

  @LocalServerPort int port;
  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loans;
  @Autowired HandoverFixtures handovers;
  @Autowired Maintenance maintenance;
  @Autowired Availability availability;
  @Autowired Catalogue catalogue;
  @Autowired ProcessDriver driver;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  private String user;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    ConventionFixtures.Signed member = fixtures.signed(TestSirets.next(), "Médiathèque de Villedieu",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    user = member.memberSignatoryUserId();
    loans.insuredUntil(member.convention().organisationId(), LocalDate.of(2030, 12, 31));
    TestMailServer.reset();
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
  }

  @AfterEach
  void tearDown() {
    fixtures.clearUser();
    ClockUtil.reset();
  }

  @Test
  void theSecondReturnOpensAMaintenanceThatHoldsTheItemUntilItIsDone() {
    EquipmentType drones = InventoryFixtures.type(catalogue, "Drone");
    maintenance.savePlan(drones.id(), new Maintenance.PlanDraft("2", "", WHAT), ConventionFixtures.EQUIPMENT_MANAGER);
    Item drone = InventoryFixtures.item(catalogue, drones, "Chargeur");
    ProcessInstance first = handovers.approvedLoan(user, "01/10/2027", "05/10/2027", drone.inventoryNumber());
    ProcessInstance second = handovers.approvedLoan(user, "08/10/2027", "12/10/2027", drone.inventoryNumber());

    lend(first, "2027-10-01T09:00+02:00", "2027-10-05T14:00+02:00", LocalDate.of(2027, 10, 5));
    assertThat(maintenance.openOf(drone.id())).as("one loan: not yet").isEmpty();
    lend(second, "2027-10-08T09:00+02:00", "2027-10-12T14:00+02:00", LocalDate.of(2027, 10, 12));

    // The second return: a maintenance from the first free days (the return day is the loan's), for 3 days.
    Maintenance.Opened opened = maintenance.openOf(drone.id()).orElseThrow();
    assertThat(opened.reason()).isEqualTo(Maintenance.Reason.PRETS);
    assertThat(opened.startsOn()).isEqualTo(LocalDate.of(2027, 10, 13));
    assertThat(opened.endsOn()).isEqualTo(LocalDate.of(2027, 10, 15));
    assertThat(availability.isFree(drone.id(), LocalDate.of(2027, 10, 13), LocalDate.of(2027, 10, 13))).isFalse();
    assertThat(availability.isFree(drone.id(), LocalDate.of(2027, 10, 15), LocalDate.of(2027, 10, 20))).isFalse();
    assertThat(availability.isFree(drone.id(), LocalDate.of(2027, 10, 16), LocalDate.of(2027, 10, 20))).isTrue();
    assertThat(availability.reservation(opened.reservationId()).orElseThrow().kind()).isEqualTo(ReservationKind.MAINTENANCE);

    // A new request over those days is not offered the item.
    ConventionFixtures.at(LocalDate.of(2027, 10, 12), LocalTime.of(15, 0));
    ProcessInstance third = loans.start(user, "14/10/2027", "18/10/2027", "");
    Task choose = driver.openTask(third.getId(), LoanRequestProcess.CHOOSE_TASK);
    List<String> offered = FormOptions.values(
        taskService.getVariableLocalTyped(choose.getId(), LoanRequestProcess.FREE_ITEM_OPTIONS, false)).orElse(List.of());
    assertThat(offered).doesNotContain(String.valueOf(drone.id()));

    // The equipment managers' task, in their filter.
    Task task = driver.openTask(opened.processInstanceId(), MaintenanceProcess.DO_TASK);
    assertThat(task.getName()).isEqualTo("Entretenir le matériel");
    assertThat(task.getDescription()).isEqualTo(drone.inventoryNumber() + " (" + drones.name() + ") : " + WHAT);
    assertThat(task.getDueDate().toInstant()).as("by the end of the last day held")
        .isEqualTo(LocalDate.of(2027, 10, 16).atStartOfDay(ParisTime.ZONE).toInstant());
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains("tna-gestionnaires-materiel");
    assertThat(filterService.createFilterQuery().filterName("Matériel : entretiens").count()).isOne();

    // « What was done » is required; then the item is free again and its counts start over.
    ConventionFixtures.at(LocalDate.of(2027, 10, 13), LocalTime.of(11, 0));
    assertThatThrownBy(() -> driver.claimAndSubmit(task, ConventionFixtures.EQUIPMENT_MANAGER,
        Map.of("maintenanceDone", " ", "maintenanceNotes", "")));
    taskService.setAssignee(task.getId(), null);
    assertThat(maintenance.openOf(drone.id())).isPresent();
    driver.claimAndSubmit(task, ConventionFixtures.EQUIPMENT_MANAGER,
        Map.of("maintenanceDone", "Logiciel mis à jour en version 4.2", "maintenanceNotes", "Une hélice à surveiller"));

    Maintenance.Opened done = maintenance.find(opened.id());
    assertThat(done.open()).isFalse();
    assertThat(done.doneOn()).isEqualTo(LocalDate.of(2027, 10, 13));
    assertThat(done.doneBy()).isEqualTo(ConventionFixtures.EQUIPMENT_MANAGER);
    assertThat(done.doneWhat()).isEqualTo("Logiciel mis à jour en version 4.2");
    assertThat(availability.isFree(drone.id(), LocalDate.of(2027, 10, 13), LocalDate.of(2027, 10, 15))).isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(opened.processInstanceId()).count()).isZero();
    assertThat(jdbc.sql("select loans_since_maintenance from equipment_item where id = ?").param(drone.id())
        .query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("select last_maintenance_on from equipment_item where id = ?").param(drone.id())
        .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2027, 10, 13));
  }

  @Test
  void theDailySweepOpensAMaintenanceAfterThirtyDaysAndOnlyOne() {
    EquipmentType headsets = InventoryFixtures.type(catalogue, "Casque");
    Item headset = InventoryFixtures.item(catalogue, headsets, "Manette");
    maintenance.savePlan(headsets.id(), new Maintenance.PlanDraft("", "30", WHAT), ConventionFixtures.EQUIPMENT_MANAGER);

    ConventionFixtures.at(LocalDate.of(2027, 2, 9), LocalTime.of(6, 0));
    runSweep();
    assertThat(maintenance.openOf(headset.id())).as("29 days: not yet").isEmpty();

    ConventionFixtures.at(LocalDate.of(2027, 2, 10), LocalTime.of(6, 0));
    runSweep();
    Maintenance.Opened opened = maintenance.openOf(headset.id()).orElseThrow();
    assertThat(opened.reason()).isEqualTo(Maintenance.Reason.DUREE);
    assertThat(opened.startsOn()).isEqualTo(LocalDate.of(2027, 2, 10));
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 12))).isFalse();

    // Run again the same day: nothing more. The database refuses a second open maintenance anyway.
    ConventionFixtures.at(LocalDate.of(2027, 2, 10), LocalTime.of(14, 0));
    assertThat(maintenance.sweep("système")).noneMatch(each -> each.itemId() == headset.id());
    assertThat(maintenance.ofItem(headset.id())).hasSize(1);
    assertThatThrownBy(() -> jdbc.sql("insert into maintenance (item_id, reason, what, opened_on, starts_on, ends_on,"
        + " open_item_id) values (?, 'DUREE', 'x', ?, ?, ?, ?)").params(headset.id(), LocalDate.of(2027, 2, 10),
        LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 3), headset.id()).update())
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

    // Not done by the end of its days: the next mornings hold the item one day more, until it is done.
    ConventionFixtures.at(LocalDate.of(2027, 2, 13), LocalTime.of(6, 0));
    runSweep();
    assertThat(maintenance.openOf(headset.id()).orElseThrow().endsOn()).isEqualTo(LocalDate.of(2027, 2, 14));
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 2, 13), LocalDate.of(2027, 2, 14))).isFalse();
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 2, 15), LocalDate.of(2027, 2, 20))).isTrue();
    assertThat(maintenance.ofItem(headset.id())).hasSize(1);
  }

  @Test
  void badSettingsAreRefusedInFrenchNextToTheirFieldAndNothingIsSaved() {
    EquipmentType tablets = InventoryFixtures.type(catalogue, "Tablette");
    Item tablet = InventoryFixtures.item(catalogue, tablets, "Chargeur");
    maintenance.savePlan(tablets.id(), new Maintenance.PlanDraft("5", "", WHAT), ConventionFixtures.EQUIPMENT_MANAGER);

    assertThatThrownBy(() -> maintenance.savePlan(tablets.id(), new Maintenance.PlanDraft("0", "4000", WHAT), "test"))
        .isInstanceOfSatisfying(Maintenance.InvalidPlanException.class, refused -> assertThat(refused.errors())
            .containsEntry(Maintenance.EVERY_LOANS,
                "Écrivez un nombre entier de prêts de 1 à 1000 (ici « 0 »), ou laissez le champ vide.")
            .containsEntry(Maintenance.EVERY_DAYS,
                "Écrivez un nombre entier de jours de 1 à 3650 (ici « 4000 »), ou laissez le champ vide."));
    assertThatThrownBy(() -> maintenance.savePlan(tablets.id(), new Maintenance.PlanDraft("3", "", " "), "test"))
        .isInstanceOfSatisfying(Maintenance.InvalidPlanException.class,
            refused -> assertThat(refused.errors()).containsOnlyKeys(Maintenance.WHAT));
    assertThat(maintenance.plan(tablets.id()).orElseThrow().everyLoans()).isEqualTo(5);

    driver.ensureStaff(MANAGER, "entretien.gestionnaire@manche.fr", "tna-gestionnaires-materiel");
    driver.ensureStaff(REFERENT, "entretien.referent@manche.fr", "tna-referents-reseau");
    setPassword(MANAGER);
    setPassword(REFERENT);
    WebClient manager = login(MANAGER);
    String page = manager.get("/materiel").body();
    assertThat(page).contains("Tous les 5 prêts : " + WHAT);
    String csrf = csrf(page);
    HttpResponse<String> refused = manager.post("/materiel/types/" + tablets.id() + "/entretien",
        "application/x-www-form-urlencoded", "_csrf=" + csrf + "&tousLesNPrets=deux&tousLesNJours=&entretien="
            + URLEncoder.encode(WHAT, StandardCharsets.UTF_8), false);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("<small id=\"entretien-" + tablets.id()
        + "-prets-erreur\">Écrivez un nombre entier de prêts de 1 à 1000 (ici « deux »), ou laissez le champ vide.</small>")
        .contains("value=\"deux\"");
    assertThat(maintenance.plan(tablets.id()).orElseThrow().everyLoans()).isEqualTo(5);

    HttpResponse<String> saved = manager.post("/materiel/types/" + tablets.id() + "/entretien",
        "application/x-www-form-urlencoded", "_csrf=" + csrf + "&tousLesNPrets=&tousLesNJours=90&entretien="
            + URLEncoder.encode(WHAT, StandardCharsets.UTF_8), false);
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(maintenance.plan(tablets.id()).orElseThrow()).satisfies(plan -> {
      assertThat(plan.everyLoans()).isNull();
      assertThat(plan.everyDays()).isEqualTo(90);
    });

    WebClient referent = login(REFERENT);
    String readOnly = referent.get("/materiel").body();
    assertThat(readOnly).contains("Tous les 90 jours : " + WHAT).doesNotContain("Enregistrer l'entretien");
    HttpResponse<String> forbidden = referent.post("/materiel/types/" + tablets.id() + "/entretien",
        "application/x-www-form-urlencoded", "_csrf=" + csrf(referent.get("/materiel/" + tablet.id()).body()) + "&tousLesNPrets=1", false);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(maintenance.plan(tablets.id()).orElseThrow().everyDays()).isEqualTo(90);
  }

  /** The loan's pickup and return booked and done; the return recorded on its day. */
  private void lend(ProcessInstance loan, String pickup, String back, LocalDate returnDay) {
    handovers.book(user, loan, pickup);
    handovers.record(loan, "fait", "");
    handovers.book(user, loan, back);
    ConventionFixtures.at(returnDay, LocalTime.of(14, 10));
    handovers.record(loan, "fait", "");
  }

  /** The daily timer fires (it is due: the clock is past its 6:00), and the sweep it starts runs. */
  private void runSweep() {
    Job timer = managementService.createJobQuery().processDefinitionKey(MaintenanceProcess.SWEEP_KEY).timers()
        .singleResult();
    assertThat(timer).as("the daily timer").isNotNull();
    assertThat(timer.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    managementService.executeJob(timer.getId());
    for (int round = 0; round < 5; round++) {
      List<Job> due = managementService.createJobQuery().processDefinitionKey(MaintenanceProcess.SWEEP_KEY)
          .messages().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private WebClient login(String userId) {
    return WebClient.loggedIn(port, userId, PASSWORD);
  }

  private void setPassword(String userId) {
    driver.setPassword(userId, PASSWORD);
  }
}
