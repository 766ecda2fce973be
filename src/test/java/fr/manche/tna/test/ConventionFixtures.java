package fr.manche.tna.test;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.ConventionVariables;
import fr.manche.tna.convention.process.ConventionApplicationProcess;
import fr.manche.tna.convention.process.ConventionLifeProcess;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.signature.process.DocumentSignatureProcess;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Conventions for process tests, made through the real processes: an application filed and accepted, then
 * signed by both parties on chosen days (the clock is moved with {@link ClockUtil}; reset it after the test).
 */
@Component
public class ConventionFixtures {

  public static final String REFERENT = "fixture.referent";
  public static final String REFERENT_EMAIL = "fixture.referent@manche.fr";
  public static final String SIGNATORY = "fixture.signataire";
  public static final String SIGNATORY_EMAIL = "fixture.signataire@manche.fr";
  public static final String EQUIPMENT_MANAGER = "fixture.materiel";
  public static final String EQUIPMENT_MANAGER_EMAIL = "fixture.materiel@manche.fr";

  /** A convention and the people the tests act as. */
  public record Signed(Convention convention, ProcessInstance life, String memberSignatoryUserId, String memberSignatoryEmail, String contactEmail) {
    public long id() {
      return convention.id();
    }
  }

  private final ProcessDriver driver;
  private final RuntimeService runtimeService;
  private final ConventionLifecycle lifecycle;
  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final AccountService accounts;

  ConventionFixtures(ProcessDriver driver, RuntimeService runtimeService, ConventionLifecycle lifecycle, JdbcClient jdbc,
      IdentityService identityService, AccountService accounts) {
    this.driver = driver;
    this.runtimeService = runtimeService;
    this.lifecycle = lifecycle;
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.accounts = accounts;
  }

  /** The start form of an application by a commune, its signatory being its mayor. */
  public static Map<String, String> application(String siret, String name, String contactEmail, String signatoryEmail) {
    Map<String, String> values = new HashMap<>();
    values.put("organisationName", name);
    values.put("legalForm", "COLLECTIVITE_TERRITORIALE");
    values.put("siret", siret);
    values.put("address", "Mairie, 50000 Saint-Lô");
    values.put("venueDescription", "Espace public numérique");
    values.put("contactName", "Marie Lefèvre");
    values.put("contactEmail", contactEmail);
    values.put("memberSignatoryName", "Jean Dupuis");
    values.put("memberSignatoryRole", "maire");
    values.put("memberSignatoryEmail", signatoryEmail);
    return values;
  }

  public void ensureStaff() {
    driver.ensureStaff(REFERENT, REFERENT_EMAIL, "tna-referents-reseau");
    driver.ensureStaff(SIGNATORY, SIGNATORY_EMAIL, "tna-signataires");
    driver.ensureStaff(EQUIPMENT_MANAGER, EQUIPMENT_MANAGER_EMAIL, "tna-gestionnaires-materiel");
  }

  /**
   * Files and accepts an application; returns the life process waiting for both signatures. The clock is
   * at 10:00 Paris time on that day.
   */
  public ProcessInstance accepted(LocalDate on, String siret, String name) {
    ensureStaff();
    at(on);
    String slug = siret.substring(9);
    ProcessInstance application = driver.submitStartForm(
        ConventionApplicationProcess.KEY, application(siret, name, "contact-" + slug + "@commune.example.fr", "maire-" + slug + "@commune.example.fr"));
    driver.runJobs(application.getId());
    driver.claimAndSubmit(driver.openTask(application.getId(), ConventionApplicationProcess.REVIEW_TASK), REFERENT,
        Map.of("decision", "accepter", "decisionReason", ""));
    driver.runJobs(application.getId());
    long conventionId =
        jdbc.sql("select id from convention where process_instance_id = ?").param(application.getId()).query(Long.class).single();
    ProcessInstance life = lifeOf(conventionId);
    runAll(life);
    return life;
  }

  /** The convention signed by the member on one day and by the département on another (R02). */
  public Signed signed(String siret, String name, LocalDate acceptedOn, LocalDate memberSignsOn, LocalDate departmentSignsOn) {
    ProcessInstance life = accepted(acceptedOn, siret, name);
    long conventionId = conventionOf(life);
    signBoth(life, memberSignsOn, departmentSignsOn);
    Convention convention = lifecycle.convention(conventionId);
    return new Signed(convention, life, memberSignatoryOf(convention), convention.memberSignatoryEmail(),
        lifecycle.organisationOf(convention).contactEmail());
  }

  /** Both parties sign the document the instance (or its sub-instance) waits for, on those days. */
  public void signBoth(ProcessInstance parent, LocalDate memberSignsOn, LocalDate departmentSignsOn) {
    ProcessInstance signature = signatureOf(parent);
    String member = DocumentSignatureProcess.MEMBER_SIGNATORY_USER_ID.get(runtimeService, signature.getId());
    boolean memberFirst = !memberSignsOn.isAfter(departmentSignsOn);
    if (memberFirst) {
      sign(signature, DocumentSignatureProcess.SIGN_AS_MEMBER, member, memberSignsOn, "Jean Dupuis", "maire");
      sign(signature, DocumentSignatureProcess.SIGN_AS_DEPARTMENT, SIGNATORY, departmentSignsOn, "Anne Duval", "vice-présidente du Conseil départemental");
    } else {
      sign(signature, DocumentSignatureProcess.SIGN_AS_DEPARTMENT, SIGNATORY, departmentSignsOn, "Anne Duval", "vice-présidente du Conseil départemental");
      sign(signature, DocumentSignatureProcess.SIGN_AS_MEMBER, member, memberSignsOn, "Jean Dupuis", "maire");
    }
    runAll(parent);
  }

  /** Only the département signs, on that day: the member's signature is still awaited. */
  public void departmentSignsOnly(ProcessInstance parent, LocalDate departmentSignsOn) {
    sign(signatureOf(parent), DocumentSignatureProcess.SIGN_AS_DEPARTMENT, SIGNATORY, departmentSignsOn, "Anne Duval",
        "vice-présidente du Conseil départemental");
  }

  /** One party refuses to sign the document the instance waits for, on that day, with that reason. */
  public void refuseToSign(ProcessInstance parent, boolean asMember, LocalDate on, String reason) {
    ProcessInstance signature = signatureOf(parent);
    String userId = asMember
        ? DocumentSignatureProcess.MEMBER_SIGNATORY_USER_ID.get(runtimeService, signature.getId())
        : SIGNATORY;
    at(on);
    Task task = driver.openTask(signature.getId(), asMember ? DocumentSignatureProcess.SIGN_AS_MEMBER : DocumentSignatureProcess.SIGN_AS_DEPARTMENT);
    asUser(userId);
    try {
      driver.claimAndSubmit(task, userId, Map.of("signatureDecision", "refuser", "signerName", asMember ? "Jean Dupuis" : "Anne Duval",
          "refusalReason", reason));
    } finally {
      identityService.clearAuthentication();
    }
    runAll(parent);
  }

  private void sign(ProcessInstance signature, String taskKey, String userId, LocalDate on, String name, String role) {
    at(on);
    Task task = driver.openTask(signature.getId(), taskKey);
    asUser(userId);
    try {
      driver.claimAndSubmit(task, userId, Map.of("signatureDecision", "signer", "signerName", name, "signerRole", role, "signatureConfirmed", true));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * Authenticates the user with their groups and their organisation's tenant, as a Tasklist login does, so that
   * authorizations and the tenant check apply.
   */
  public void asUser(String userId) {
    identityService.setAuthentication(userId,
        identityService.createGroupQuery().groupMember(userId).list().stream().map(group -> group.getId()).toList(),
        identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(tenant -> tenant.getId()).toList());
  }

  public void clearUser() {
    identityService.clearAuthentication();
  }

  /** The running signature called by that instance. */
  public ProcessInstance signatureOf(ProcessInstance parent) {
    return runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(parent.getId())
        .processDefinitionKey(DocumentSignatureProcess.KEY)
        .singleResult();
  }

  public ProcessInstance lifeOf(long conventionId) {
    return runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(ConventionLifeProcess.businessKey(conventionId))
        .processDefinitionKey(ConventionLifeProcess.KEY)
        .singleResult();
  }

  public long conventionOf(ProcessInstance life) {
    return ConventionVariables.CONVENTION_ID.get(runtimeService, life.getId());
  }

  /** Runs the due jobs of the instance and of the signature it calls. */
  public void runAll(ProcessInstance instance) {
    driver.runJobs(instance.getId());
    ProcessInstance signature = signatureOf(instance);
    if (signature != null) {
      driver.runJobs(signature.getId());
    }
  }

  /** The member's signatory's login. */
  public String memberSignatoryOf(Convention convention) {
    return accounts.peopleOf(convention.organisationId()).stream()
        .filter(person -> person.email().equalsIgnoreCase(convention.memberSignatoryEmail()))
        .findFirst()
        .orElseThrow()
        .userId();
  }

  /** Moves the clock to 10:00 Paris time on that day. */
  public static void at(LocalDate day) {
    at(day, LocalTime.of(10, 0));
  }

  public static void at(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(fr.manche.tna.platform.time.ParisTime.ZONE).toInstant()));
  }
}
