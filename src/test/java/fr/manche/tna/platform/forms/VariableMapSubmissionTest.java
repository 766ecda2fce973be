package fr.manche.tna.platform.forms;

import static fr.manche.tna.platform.forms.EveryFormTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/**
 * A submission as the engine receives it from the REST API: a Camunda {@link VariableMap} of typed values,
 * judged by their types without deserializing any object.
 */
class VariableMapSubmissionTest {

  private final FormSchema start = new FormCatalog().find("ConventionApplicationStart").orElseThrow();
  private final FormSchema remedy = new FormCatalog().find("ConventionTerminationRemedy").orElseThrow();

  private VariableMap validStart() {
    return Variables.fromMap(EveryFormTest.validSubmission(start));
  }

  @Test
  void typedStringsAndBooleansAreAcceptedAndStayTyped() {
    VariableMap submission = validStart().putValueTyped("siret", Variables.stringValue("21505019300014"));

    Map<String, Object> accepted = start.check(submission);

    assertThat(accepted).containsOnlyKeys(submission.keySet());
    assertThat(accepted.get("siret")).isInstanceOf(TypedValue.class).isEqualTo(Variables.stringValue("21505019300014"));

    VariableMap box = Variables.createVariables()
        .putValueTyped("remedied", Variables.booleanValue(true))
        .putValueTyped("remedyComment", Variables.stringValue(null))
        .putValueTyped("failure", Variables.byteArrayValue(new byte[] {1}));
    assertThat(remedy.check(box)).containsOnlyKeys("remedied", "remedyComment");
  }

  @Test
  void bytesAreRefused() {
    VariableMap submission = validStart().putValueTyped("organisationName", Variables.byteArrayValue("Commune".getBytes()));

    assertRefused(start, submission).hasMessage("Le champ « Nom de l'organisation » doit être un texte.");
  }

  @Test
  void aSerializedObjectIsRefusedWithoutBeingDeserialized() {
    ObjectValue serialized = Variables.serializedObjectValue("{\"evil\":true}")
        .serializationDataFormat("application/json")
        .objectTypeName("com.example.Gadget")
        .create();
    VariableMap submission = validStart().putValueTyped("siret", serialized);

    assertRefused(start, submission).hasMessage("Le champ « Numéro SIRET » doit être un texte.");
    assertThat(serialized.isDeserialized()).isFalse();
  }

  @Test
  void aSerializedObjectForAReadonlyFieldIsDroppedWithoutBeingDeserialized() {
    VariableMap submission = Variables.createVariables()
        .putValueTyped("remedied", Variables.booleanValue(true))
        .putValueTyped("organisationName", Variables.serializedObjectValue("rO0ABXQAAA==")
            .serializationDataFormat(Variables.SerializationDataFormats.JAVA).objectTypeName("java.lang.String").create());

    assertThat(remedy.check(submission)).containsOnlyKeys("remedied");
  }

  @Test
  void numbersDatesFilesAndJsonObjectsAreRefusedWhereTextIsExpected() {
    assertRefused(start, validStart().putValueTyped("siret", Variables.integerValue(1))).hasMessage("Le champ « Numéro SIRET » doit être un texte.");
    assertRefused(start, validStart().putValueTyped("siret", Variables.longValue(21505019300014L))).hasMessage("Le champ « Numéro SIRET » doit être un texte.");
    assertRefused(start, validStart().putValueTyped("siret", Variables.doubleValue(2.1e13))).hasMessage("Le champ « Numéro SIRET » doit être un texte.");
    assertRefused(start, validStart().putValueTyped("address", Variables.dateValue(new java.util.Date()))).hasMessage("Le champ « Adresse » doit être un texte.");
    assertRefused(start, validStart().putValueTyped("address", Variables.fileValue("a.txt").file("x".getBytes()).create())).hasMessage("Le champ « Adresse » doit être un texte.");
    assertRefused(start, validStart().putValueTyped("legalForm", Variables.objectValue(Map.of("a", 1)).serializationDataFormat("application/json").create()))
        .hasMessage("Le champ « Forme juridique » doit être un texte.");
  }

  @Test
  void untypedValuesAreJudgedByWhatTheyHold() {
    VariableMap submission = validStart();
    submission.put("organisationName", java.util.List.of("Commune"));
    assertRefused(start, submission).hasMessage("Le champ « Nom de l'organisation » doit être un texte.");

    submission = validStart();
    submission.putValueTyped("organisationName", Variables.untypedValue("Commune de Percy-en-Normandie"));
    assertThat(start.check(submission)).containsEntry("organisationName", Variables.untypedValue("Commune de Percy-en-Normandie"));
  }

  @Test
  void aCheckboxTakesABooleanNotItsText() {
    VariableMap submission = Variables.createVariables().putValueTyped("remedied", Variables.stringValue("true"));

    assertRefused(remedy, submission).hasMessage("Le champ « Le manquement est régularisé » doit être une case cochée ou non (vrai ou faux).");
    assertRefused(remedy, Variables.createVariables().putValueTyped("remedied", Variables.booleanValue(false)))
        .hasMessage("La case « Le manquement est régularisé » doit être cochée.");
    assertRefused(remedy, Variables.createVariables().putValueTyped("remedied", Variables.booleanValue(null)))
        .hasMessage("La case « Le manquement est régularisé » doit être cochée.");
  }

  @Test
  void anUndeclaredTypedVariableIsRefused() {
    VariableMap submission = validStart().putValueTyped("memberGroupId", Variables.stringValue("membre-autre"));

    assertRefused(start, submission).hasMessage("Ce formulaire n'a pas de champ « memberGroupId ».");
  }
}
