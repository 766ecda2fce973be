package fr.manche.tna.demo;

import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Insurance;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.forms.FormOptions;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's loans, made through the real process by Julie Hamel of the first demo organisation (whose
 * convention is signed): a VR headset approved for two weeks (to cancel or extend on « Mes emprunts »), a radio
 * studio waiting for the equipment managers, and tablets whose items are still to choose. Written once, when the
 * organisation has no loan yet; its insurance certificate is recorded first (R14).
 */
@Component
@Profile("demo")
@Order(30)
class DemoLoans implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoLoans.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final OrganisationRepository organisations;
  private final AccountService accounts;
  private final Catalogue catalogue;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final DemoConvention engine;
  private final JdbcClient jdbc;

  DemoLoans(OrganisationRepository organisations, AccountService accounts, Catalogue catalogue, FormService formService,
      RepositoryService repositoryService, DemoConvention engine, JdbcClient jdbc) {
    this.organisations = organisations;
    this.accounts = accounts;
    this.catalogue = catalogue;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    Organisation villedieu = organisations.findBySiret(DemoData.ORGANISATIONS.get(0).siret()).orElse(null);
    if (villedieu == null || jdbc.sql("select count(*) from loan_request where organisation_id = ?").param(villedieu.id())
        .query(Long.class).single() > 0) {
      return;
    }
    LocalDate today = ParisTime.today();
    organisations.setInsurance(villedieu.id(), new Insurance("SMACL Assurances", "DOM-2026-48213", today.minusMonths(2),
        today.plusYears(1)));
    Person julie = accounts.peopleOf(villedieu.id()).get(0);
    ProcessInstance headset = request(julie, today.plusDays(10), today.plusDays(23),
        "Ateliers de découverte de la réalité virtuelle pour les seniors du foyer-logement", "Deux groupes de 6 seniors");
    choose(julie, headset, "INV-002");
    engine.complete(headset.getId(), "UserTask_ApproveLoanRequest", "materiel",
        Map.of("loanDecision", "approuver", "loanDecisionReason", "Bons ateliers !"));
    engine.runJobs(headset.getId());
    ProcessInstance studio = request(julie, today.plusDays(20), today.plusDays(24),
        "Émission de radio enregistrée avec le club ados de la médiathèque", "12 adolescents de 12 à 15 ans");
    choose(julie, studio, "INV-020");
    request(julie, today.plusDays(40), today.plusDays(44), "Initiation aux démarches en ligne sur tablette",
        "Une quinzaine d'habitants, en deux séances");
    LOG.info("Prêts de démonstration créés pour {} : un approuvé, un à approuver, un dont le matériel est à choisir",
        villedieu.name());
  }

  private ProcessInstance request(Person member, LocalDate first, LocalDate last, String activities, String audience) {
    Map<String, Object> values = new HashMap<>();
    values.put("activities", activities);
    values.put("expectedAudience", audience);
    values.put("firstDay", first.format(DAY));
    values.put("lastDay", last.format(DAY));
    values.put("longerNeedReason", "");
    ProcessInstance instance = engine.as(member.userId(), () -> formService.submitStartForm(
        repositoryService.createProcessDefinitionQuery().processDefinitionKey("LoanRequest").latestVersion().singleResult().getId(),
        values));
    engine.runJobs(instance.getId());
    return instance;
  }

  /** Ticks the item in « Choisir le matériel », as Tasklist sends a checklist. */
  private void choose(Person member, ProcessInstance instance, String inventoryNumber) {
    String id = String.valueOf(catalogue.itemNumbered(inventoryNumber).orElseThrow().id());
    engine.complete(instance.getId(), "UserTask_ChooseItems", member.userId(), Map.of("memberChoice", "materiel",
        "chosenItems", Variables.serializedObjectValue("[\"" + id + "\"]").serializationDataFormat(FormOptions.JSON_FORMAT)
            .objectTypeName(FormOptions.LIST_TYPE_NAME).create()));
    engine.runJobs(instance.getId());
  }
}
