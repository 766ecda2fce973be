package fr.manche.tna.convention.process;

import fr.manche.tna.convention.process.ConventionApplicationProcess.StartForm;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.platform.process.ProcessVariable;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import java.util.Arrays;
import java.util.Set;
import java.util.StringJoiner;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The application's tasks in Tasklist: the organisation, its legal form and SIRET, its signatory. */
@Component
class ApplicationTaskContexts implements TaskContexts {

  @Override
  public Set<String> processKeys() {
    return Set.of(ConventionApplicationProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    StringJoiner subject = new StringJoiner(" · ");
    String legalForm = text(task, StartForm.LEGAL_FORM);
    Arrays.stream(LegalForm.values()).filter(form -> form.name().equals(legalForm)).findFirst()
        .ifPresent(form -> subject.add(form.label()));
    if (text(task, StartForm.SIRET) != null) {
      subject.add("SIRET " + text(task, StartForm.SIRET).replaceAll("\\s", ""));
    }
    if (text(task, StartForm.MEMBER_SIGNATORY_NAME) != null) {
      subject.add("signataire : " + text(task, StartForm.MEMBER_SIGNATORY_NAME)
          + (text(task, StartForm.MEMBER_SIGNATORY_ROLE) != null ? ", " + text(task, StartForm.MEMBER_SIGNATORY_ROLE) : ""));
    }
    return TaskContext.of(text(task, StartForm.ORGANISATION_NAME), subject.toString());
  }

  private static String text(DelegateTask task, ProcessVariable<String> field) {
    return field.getOptional(task).filter(value -> !value.isBlank()).map(String::strip).orElse(null);
  }
}
