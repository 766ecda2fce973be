package fr.manche.tna.demo;

import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.security.StaffGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A signed convention for the first demo organisation, made through the real processes (application,
 * review, both signatures), so that its people can try what needs a convention in force (amendments...).
 * Runs before the job executor starts, so it runs the asynchronous steps itself.
 */
@Component
@Profile("demo")
class DemoConvention {

  private final IdentityService identityService;
  private final FormService formService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final ManagementService managementService;

  DemoConvention(IdentityService identityService, FormService formService, TaskService taskService,
      RuntimeService runtimeService, RepositoryService repositoryService, ManagementService managementService) {
    this.identityService = identityService;
    this.formService = formService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.managementService = managementService;
  }

  void sign(Organisation organisation, Person signatory) {
    Map<String, Object> application = new HashMap<>();
    application.put("organisationName", organisation.name());
    application.put("legalForm", organisation.legalForm().name());
    application.put("siret", organisation.siret());
    application.put("address", organisation.address());
    application.put("venueDescription", organisation.venueDescription());
    application.put("contactName", organisation.contactName());
    application.put("contactEmail", organisation.contactEmail());
    application.put("memberSignatoryName", signatory.fullName());
    application.put("memberSignatoryRole", "adjointe au maire chargée du numérique");
    application.put("memberSignatoryEmail", signatory.email());
    ProcessInstance filed = as("referent", () -> formService.submitStartForm(
        repositoryService.createProcessDefinitionQuery().processDefinitionKey("ConventionApplication").latestVersion().singleResult().getId(),
        application));
    runJobs(filed.getId());
    complete(filed.getId(), "UserTask_ReviewApplication", "referent", Map.of("decision", "accepter", "decisionReason", ""));
    runJobs(filed.getId());
    ProcessInstance life = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("Convention").processInstanceBusinessKey(filed.getBusinessKey()).singleResult();
    ProcessInstance signature = runtimeService.createProcessInstanceQuery().superProcessInstanceId(life.getId()).singleResult();
    runJobs(signature.getId());
    complete(signature.getId(), "UserTask_SignAsMember", signatory.userId(),
        Map.of("signatureDecision", "signer", "signerName", signatory.fullName(), "signerRole", "adjointe au maire chargée du numérique", "signatureConfirmed", true));
    complete(signature.getId(), "UserTask_SignAsDepartment", "signataire",
        Map.of("signatureDecision", "signer", "signerName", "Anne Duval", "signerRole", "vice-présidente du Conseil départemental", "signatureConfirmed", true));
    runJobs(life.getId());
  }

  void complete(String instanceId, String taskKey, String userId, Map<String, Object> values) {
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult();
    as(userId, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), userId);
      }
      formService.submitTaskForm(task.getId(), values);
      return null;
    });
  }

  /** Runs the due jobs of the instance, as the job executor will once started. */
  void runJobs(String instanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  <T> T as(String userId, java.util.function.Supplier<T> action) {
    CurrentUser.actInEngine(identityService, userId);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
