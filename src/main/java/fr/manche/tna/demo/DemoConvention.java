package fr.manche.tna.demo;

import fr.manche.tna.convention.process.ConventionApplicationProcess;
import fr.manche.tna.convention.process.ConventionApplicationProcess.ReviewForm;
import fr.manche.tna.convention.process.ConventionApplicationProcess.StartForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.Person;
import fr.manche.tna.membership.StaffGroup;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.signature.process.DocumentSignatureProcess;
import fr.manche.tna.signature.process.DocumentSignatureProcess.SignForm;
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
    StartForm.ORGANISATION_NAME.put(application, organisation.name());
    StartForm.LEGAL_FORM.put(application, organisation.legalForm().name());
    StartForm.SIRET.put(application, organisation.siret());
    StartForm.ADDRESS.put(application, organisation.address());
    StartForm.VENUE_DESCRIPTION.put(application, organisation.venueDescription());
    StartForm.CONTACT_NAME.put(application, organisation.contactName());
    StartForm.CONTACT_EMAIL.put(application, organisation.contactEmail());
    StartForm.MEMBER_SIGNATORY_NAME.put(application, signatory.fullName());
    StartForm.MEMBER_SIGNATORY_ROLE.put(application, "adjointe au maire chargée du numérique");
    StartForm.MEMBER_SIGNATORY_EMAIL.put(application, signatory.email());
    ProcessInstance filed = as("referent", () -> formService.submitStartForm(
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ConventionApplicationProcess.KEY).latestVersion().singleResult().getId(),
        application));
    runJobs(filed.getId());
    complete(filed.getId(), ConventionApplicationProcess.REVIEW_TASK, "referent",
        Map.ofEntries(ReviewForm.DECISION.entry("accepter"), ReviewForm.DECISION_REASON.entry("")));
    runJobs(filed.getId());
    ProcessInstance life = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(fr.manche.tna.convention.process.ConventionLifeProcess.KEY).processInstanceBusinessKey(filed.getBusinessKey()).singleResult();
    ProcessInstance signature = runtimeService.createProcessInstanceQuery().superProcessInstanceId(life.getId()).singleResult();
    runJobs(signature.getId());
    complete(signature.getId(), DocumentSignatureProcess.SIGN_AS_MEMBER, signatory.userId(),
        signed(signatory.fullName(), "adjointe au maire chargée du numérique"));
    complete(signature.getId(), DocumentSignatureProcess.SIGN_AS_DEPARTMENT, "signataire",
        signed("Anne Duval", "vice-présidente du Conseil départemental"));
    runJobs(life.getId());
  }

  private static Map<String, Object> signed(String name, String role) {
    return Map.ofEntries(SignForm.DECISION.entry(SignForm.SIGN), SignForm.SIGNER_NAME.entry(name), SignForm.SIGNER_ROLE.entry(role),
        SignForm.CONFIRMED.entry(true));
  }

  private void complete(String instanceId, String taskKey, String userId, Map<String, Object> values) {
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
  private void runJobs(String instanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private <T> T as(String userId, java.util.function.Supplier<T> action) {
    CurrentUser.actInEngine(identityService, userId);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
