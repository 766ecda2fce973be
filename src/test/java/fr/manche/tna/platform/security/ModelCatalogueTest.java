package fr.manche.tna.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.platform.forms.FormCatalog;
import fr.manche.tna.platform.security.ModelCatalogue.Field;
import fr.manche.tna.platform.security.ModelCatalogue.Form;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The helpers of the generic security tests, without the application: every model and form is read, every
 * form has valid samples for all its fields (a field added without one fails here first, naming its key),
 * and the check of French messages tells a sentence for people from the engine's wording.
 */
class ModelCatalogueTest {

  final ModelCatalogue catalogue = ModelCatalogue.read();
  final FormSamples samples = new FormSamples("21505019300014", "21505019300022", "test");

  @Test
  void everyUserTaskAndStartFormNamesAFormOfFormsWithValidSamplesForEachField() {
    assertThat(catalogue.userTasks()).isNotEmpty();
    assertThat(catalogue.startForms()).isNotEmpty();
    for (ModelCatalogue.UserTaskModel task : catalogue.userTasks()) {
      checkSamples(catalogue.form(task.formRef()));
    }
    for (ModelCatalogue.StartFormModel start : catalogue.startForms()) {
      checkSamples(catalogue.form(start.formRef()));
    }
  }

  @Test
  void noStartFormTakesItsOptionsFromAVariable() {
    FormCatalog forms = new FormCatalog();
    for (ModelCatalogue.StartFormModel start : catalogue.startForms()) {
      assertThat(forms.find(start.formRef()).orElseThrow().fields())
          .as(start + ": Tasklist loads no variable for a start form, so a valuesKey field would offer no option"
              + " and the server would refuse every value")
          .noneMatch(field -> field.valuesKey().isPresent());
    }
  }

  private void checkSamples(Form form) {
    List<Map<String, Object>> submissions = samples.validSubmissions(form);
    assertThat(submissions).as(form.id()).isNotEmpty();
    for (Field field : form.inputs()) {
      assertThat(submissions).as(field + " is shown in one valid submission at least")
          .anySatisfy(submission -> assertThat(submission).containsKey(field.key()));
    }
  }

  @Test
  void theAssignmentOfTheMembersTasksReadsTheVariablesTheInstancesCarry() {
    assertThat(catalogue.userTasks())
        .filteredOn(task -> task.assignmentVariables().contains("memberGroupId") || task.assignmentVariables().contains("memberSignatoryUserId"))
        .isNotEmpty();
    assertThat(ModelCatalogue.variablesIn("${memberGroupId}")).containsExactly("memberGroupId");
    assertThat(ModelCatalogue.variablesIn("${decision == 'accepter' && !late}")).containsExactly("decision", "late");
    assertThat(ModelCatalogue.variablesIn("${registerCommunicationRequest}")).containsExactly("registerCommunicationRequest");
    assertThat(ModelCatalogue.variablesIn("${execution.getVariable('x')}")).isEmpty();
  }

  @Test
  void aFrenchSentenceIsAcceptedAndTheEnginesWordingIsNot() {
    assertThat(Findings.notAFrenchMessage("{\"type\":\"x\",\"message\":\"Le champ « Objet » est obligatoire.\"}")).isEmpty();
    assertThat(Findings.notAFrenchMessage("{\"message\":\"La valeur ne peut pas être nulle.\"}")).isEmpty();
    assertThat(Findings.notAFrenchMessage("{\"message\":\"Cannot submit task form 12: Le champ est obligatoire.\"}")).isPresent();
    assertThat(Findings.notAFrenchMessage("{\"message\":\"ENGINE-03051 There was an exception\"}")).isPresent();
    assertThat(Findings.notAFrenchMessage("{\"message\":\"class java.lang.Integer cannot be cast to class java.lang.String\"}")).isPresent();
    assertThat(Findings.notAFrenchMessage("{\"message\":\"Le champ doit respecter ^\\\\s*\\\\d{14}$\"}")).isPresent();
    assertThat(Findings.notAFrenchMessage("{\"message\":\"Unsupported value type 'Json'\"}")).isPresent();
    assertThat(Findings.notAFrenchMessage("{\"message\":\"\"}")).isPresent();
    assertThat(Findings.notAFrenchMessage("<html>Erreur</html>")).isPresent();
  }
}
