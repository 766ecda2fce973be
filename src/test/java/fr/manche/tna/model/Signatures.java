package fr.manche.tna.model;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** The signature steps of DocumentSignature.bpmn as its delegates behave, for the models that use it. */
final class Signatures {

  static final String MEMBER_SIGNATORY = "julie.hamel";

  private Signatures() {}

  /**
   * The preparation names the member's signatory (the assignee of the member's task), and recording a signature
   * tells the gateway after each task whether that party signed ({@code signatureDecision} = {@code refuser}: no).
   */
  static void behaveAsTheApplication(ModelHarness models) {
    behaveAsTheApplication(models, true, "tna-signataires");
  }

  /**
   * As for a kind of document the member signs or not, and the département signs through that staff group (none:
   * it does not sign), as its {@code SignableDocument} says.
   */
  static void behaveAsTheApplication(ModelHarness models, boolean memberSigns, String departmentGroup) {
    Map<String, Object> prepared = new java.util.HashMap<>();
    prepared.put("memberSignatoryUserId", memberSigns ? MEMBER_SIGNATORY : null);
    prepared.put("memberGroupId", "membre-villedieu");
    prepared.put("memberSigns", memberSigns);
    prepared.put("departmentSigns", departmentGroup != null);
    prepared.put("departmentSignatoryGroup", departmentGroup);
    models.sets(models.delegateOf("ServiceTask_PrepareSignature"), prepared);
    for (String userTask : new String[] {"UserTask_SignAsMember", "UserTask_SignAsDepartment"}) {
      models.answers(models.taskListenerOf(userTask, "complete"), invocation -> {
        DelegateTask task = invocation.getArgument(0);
        boolean signed = !"refuser".equals(task.getVariable("signatureDecision"));
        String party = "UserTask_SignAsMember".equals(task.getTaskDefinitionKey()) ? "memberSigned" : "departmentSigned";
        task.getExecution().getProcessInstance().setVariable(party, signed);
        return null;
      });
    }
  }

  static void sign(ModelHarness models, String taskDefinitionKey) {
    decide(models, taskDefinitionKey, "signer");
  }

  static void refuse(ModelHarness models, String taskDefinitionKey) {
    decide(models, taskDefinitionKey, "refuser");
  }

  private static void decide(ModelHarness models, String taskDefinitionKey, String decision) {
    models.engine().getTaskService().complete(models.task(taskDefinitionKey).getId(), Map.of("signatureDecision", decision));
  }
}
