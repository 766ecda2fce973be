package fr.manche.tna.test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Drives processes as Tasklist and the job executor would: forms submit strings, jobs run on demand. */
@Component
public class ProcessDriver {

  private final FormService formService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  ProcessDriver(
      FormService formService,
      TaskService taskService,
      ManagementService managementService,
      RepositoryService repositoryService,
      IdentityService identityService) {
    this.formService = formService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /** Makes sure a staff account exists, with an e-mail address, in the given group. */
  public void ensureStaff(String userId, String email, String groupId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("(test)");
      user.setEmail(email);
      identityService.saveUser(user);
      identityService.createMembership(userId, groupId);
    }
  }

  /** Gives an account a password, so that the test can log in as that person. */
  public void setPassword(String userId, String password) {
    User account = identityService.createUserQuery().userId(userId).singleResult();
    account.setPassword(password);
    identityService.saveUser(account);
  }

  /** Submits the start form of the latest version of the process, as Tasklist does. */
  public ProcessInstance submitStartForm(String processKey, Map<String, ?> values) {
    String definitionId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .latestVersion()
            .singleResult()
            .getId();
    return formService.submitStartForm(definitionId, Map.copyOf(values));
  }

  public Task openTask(String processInstanceId, String taskDefinitionKey) {
    return taskService
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  /** Claims the task for the user and submits its form, as Tasklist does. */
  public void claimAndSubmit(Task task, String userId, Map<String, ?> values) {
    taskService.claim(task.getId(), userId);
    formService.submitTaskForm(task.getId(), Map.copyOf(values));
  }

  public Job job(String processInstanceId, String activityId) {
    return managementService
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .activityId(activityId)
        .singleResult();
  }

  /** Runs the job once, as the job executor would; returns the failure, if any. */
  public RuntimeException runJob(String processInstanceId, String activityId) {
    Job job = job(processInstanceId, activityId);
    if (job == null) {
      throw new AssertionError("No job at " + activityId + "; jobs: " + jobsOf(processInstanceId));
    }
    try {
      managementService.executeJob(job.getId());
      return null;
    } catch (RuntimeException failure) {
      return failure;
    }
  }

  /** Runs every due job of the instance until none is left (fails on the first failure). */
  public void runJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs =
          managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs keep coming: " + jobsOf(processInstanceId));
  }

  private String jobsOf(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).list().stream()
        .map(job -> job.getId() + " retries=" + job.getRetries())
        .collect(Collectors.joining(", "));
  }
}
