package fr.manche.tna.test;

import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemDraft;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.loan.process.LoanRequestProcess;
import fr.manche.tna.membership.Insurance;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.forms.FormOptions;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loans as members and staff make them in Tasklist: the start form, « Choisir le matériel » (the checklist sent as
 * Tasklist sends it, JSON text in the options' format), the approval; items of the catalogue; the insurance.
 */
@Component
public class LoanFixtures {

  private static final AtomicInteger NUMBERS = new AtomicInteger();

  private final ConventionFixtures conventions;
  private final ProcessDriver driver;
  private final Catalogue catalogue;
  private final OrganisationRepository organisations;
  private final JdbcClient jdbc;

  LoanFixtures(ConventionFixtures conventions, ProcessDriver driver, Catalogue catalogue,
      OrganisationRepository organisations, JdbcClient jdbc) {
    this.conventions = conventions;
    this.driver = driver;
    this.catalogue = catalogue;
    this.organisations = organisations;
    this.jdbc = jdbc;
  }

  /** A new item of the type (created if needed), available, with a charger in its kit. */
  public Item item(String type) {
    if (catalogue.typeNamed(type).isEmpty()) {
      catalogue.addType(type, ConventionFixtures.EQUIPMENT_MANAGER);
    }
    String number = "PRET-" + NUMBERS.incrementAndGet() + "-" + System.nanoTime() % 100000;
    return catalogue.create(new ItemDraft(number, "SN-" + number, type, "Chargeur", ItemStatus.AVAILABLE.label(), ""),
        ConventionFixtures.EQUIPMENT_MANAGER);
  }

  public void insuredUntil(long organisationId, LocalDate until) {
    organisations.setInsurance(organisationId, new Insurance("MAIF", "P-12345", LocalDate.of(2026, 1, 1), until));
  }

  /** The member's start form (dates as typed, « 01/03/2027 »), submitted as the member. */
  public ProcessInstance start(String userId, String firstDay, String lastDay, String longerNeedReason) {
    Map<String, String> values = new HashMap<>();
    values.put("activities", "Ateliers de découverte de la réalité virtuelle pour les collégiens");
    values.put("expectedAudience", "3 classes de 4e, environ 75 élèves");
    values.put("firstDay", firstDay);
    values.put("lastDay", lastDay);
    values.put("longerNeedReason", longerNeedReason);
    conventions.asUser(userId);
    try {
      return driver.submitStartForm(LoanRequestProcess.KEY, values);
    } finally {
      conventions.clearUser();
    }
  }

  /** Ticks the items (inventory numbers, comma-separated; an unknown number is sent as is) and asks for them. */
  public void choose(String userId, ProcessInstance instance, String items) {
    submitChoice(userId, instance, Map.of("memberChoice", "materiel", "chosenItems", checklist(idsOf(items))));
  }

  /** Submits « Choisir le matériel » with these values, as the member, then runs the jobs that follow. */
  public void submitChoice(String userId, ProcessInstance instance, Map<String, ?> values) {
    Task task = driver.openTask(instance.getId(), LoanRequestProcess.CHOOSE_TASK);
    if (task == null) {
      throw new AssertionError("No task « Choisir le matériel » in " + instance.getId());
    }
    conventions.asUser(userId);
    try {
      driver.claimAndSubmit(task, userId, values);
    } finally {
      conventions.clearUser();
    }
    driver.runJobs(instance.getId());
  }

  /** Start form, then the items: a request in examination. */
  public ProcessInstance request(String userId, String firstDay, String lastDay, String items, String longerNeedReason) {
    ProcessInstance instance = start(userId, firstDay, lastDay, longerNeedReason);
    choose(userId, instance, items);
    return instance;
  }

  /** The approval or examination form, submitted by a staff member, then the jobs that follow. */
  public void decide(ProcessInstance request, String taskKey, String userId, String decision, String reason) {
    Task task = driver.openTask(request.getId(), taskKey);
    if (task == null) {
      throw new AssertionError("No task " + taskKey + " in " + request.getId());
    }
    driver.claimAndSubmit(task, userId, Map.of("loanDecision", decision, "loanDecisionReason", reason));
    driver.runJobs(request.getId());
  }

  public long loanIdOf(ProcessInstance request) {
    return jdbc.sql("select id from loan_request where process_instance_id = ?").param(request.getId())
        .query(Long.class).single();
  }

  /** A checklist's values as Tasklist sends them when the options come from a variable: JSON text, that format. */
  public static TypedValue checklist(List<String> values) {
    String json = values.stream().map(value -> "\"" + value.replace("\"", "\\\"") + "\"")
        .reduce((a, b) -> a + "," + b).map(list -> "[" + list + "]").orElse("[]");
    return Variables.serializedObjectValue(json).serializationDataFormat(FormOptions.JSON_FORMAT)
        .objectTypeName(FormOptions.LIST_TYPE_NAME).create();
  }

  private List<String> idsOf(String items) {
    return Arrays.stream(items.split(",")).map(String::trim).filter(number -> !number.isEmpty())
        .map(number -> catalogue.itemNumbered(number.toUpperCase(Locale.ROOT)).map(item -> String.valueOf(item.id()))
            .orElse(number))
        .toList();
  }
}
