package fr.manche.tna.platform.forms;

import static fr.manche.tna.platform.forms.EveryFormTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.platform.forms.FormField.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules on field types our forms do not use yet (number, select, checklist, taglist, datetime, groups,
 * disabled fields) and the declarations the server refuses to serve, on forms written here.
 */
class FormSchemaTest {

  private static FormSchema form(String components) {
    return FormReader.read("test.form", "{\"id\": \"Test\", \"type\": \"default\", \"components\": [" + components + "]}");
  }

  @Test
  void aNumberIsANumberWithinItsBounds() {
    FormSchema form = form("""
        {"key": "seats", "type": "number", "label": "Nombre de places", "decimalDigits": 0,
         "validate": {"required": true, "min": 1, "max": 12}},
        {"key": "hours", "type": "number", "label": "Durée", "increment": "0.5", "decimalDigits": 1},
        {"key": "budget", "type": "number", "label": "Budget", "serializeToString": true, "validate": {"max": 1000.5}}""");

    Map<String, Object> valid = Map.of("seats", 12, "hours", 1.5, "budget", "999.25");
    assertThat(form.check(valid)).isEqualTo(valid);
    assertThat(form.check(Map.of("seats", 3L))).containsEntry("seats", 3L);
    assertThat(form.check(Map.of("seats", (short) 3, "budget", ""))).hasSize(2);

    assertRefused(form, Map.of("seats", 0)).hasMessage("Le champ « Nombre de places » doit être supérieur ou égal à 1.");
    assertRefused(form, Map.of("seats", 13)).hasMessage("Le champ « Nombre de places » doit être inférieur ou égal à 12.");
    assertRefused(form, Map.of("seats", 2.5)).hasMessage("Le champ « Nombre de places » doit être un nombre entier.");
    assertRefused(form, Map.of("seats", "3")).hasMessage("Le champ « Nombre de places » doit être un nombre.");
    assertRefused(form, Map.of()).hasMessage("Le champ « Nombre de places » est obligatoire.");
    assertRefused(form, Map.of("seats", 2, "hours", 1.25)).hasMessage("Le champ « Durée » doit être un nombre d'au plus 1 décimale.");
    assertRefused(form, Map.of("seats", 2, "hours", 0.7)).hasMessage("Le champ « Durée » doit être un multiple de 0,5.");
    assertRefused(form, Map.of("seats", 2, "budget", 12)).hasMessage("Le champ « Budget » doit être un nombre.");
    assertRefused(form, Map.of("seats", 2, "budget", "1e3")).hasMessage("Le champ « Budget » doit être un nombre.");
    assertRefused(form, Map.of("seats", 2, "budget", "1000.75")).hasMessage("Le champ « Budget » doit être inférieur ou égal à 1000,5.");
  }

  @Test
  void aSelectTakesOneDeclaredValueAChecklistAndATaglistSome() {
    FormSchema form = form("""
        {"key": "room", "type": "select", "label": "Salle", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]},
        {"key": "tools", "type": "checklist", "label": "Matériel", "validate": {"required": true},
         "values": [{"label": "Tablettes", "value": "tablettes"}, {"label": "Casques", "value": "casques"}]},
        {"key": "topics", "type": "taglist", "label": "Thèmes", "values": [{"label": "Santé", "value": "sante"}]}""");

    Map<String, Object> valid = Map.of("room", "b", "tools", List.of("casques", "tablettes"), "topics", List.of());
    assertThat(form.check(valid)).isEqualTo(valid);
    Map<String, Object> blankRoom = new HashMap<>(Map.of("room", " ", "tools", List.of("casques")));
    blankRoom.put("topics", null);
    assertThat(form.check(blankRoom)).isEqualTo(blankRoom);

    assertRefused(form, Map.of("room", "c", "tools", List.of("casques"))).hasMessage("Le champ « Salle » doit prendre l'une des valeurs proposées.");
    assertRefused(form, Map.of("tools", List.of("casques", "drone"))).hasMessage("Le champ « Matériel » ne peut contenir que des valeurs proposées.");
    assertRefused(form, Map.of("tools", List.of())).hasMessage("Le champ « Matériel » est obligatoire.");
    assertRefused(form, Map.of("tools", "casques")).hasMessage("Le champ « Matériel » doit être une liste de valeurs proposées.");
    assertRefused(form, Map.of("tools", List.of(List.of("casques")))).hasMessage("Le champ « Matériel » doit être une liste de valeurs proposées.");
    assertRefused(form, Map.of("tools", List.of("casques"), "topics", List.of("sante", "politique")))
        .hasMessage("Le champ « Thèmes » ne peut contenir que des valeurs proposées.");
  }

  @Test
  void aValuesKeyFieldTakesOneOfTheOptionsOfTheVariableTheTaskHolds() {
    FormSchema form = form("""
        {"key": "item", "type": "select", "label": "Matériel", "valuesKey": "itemOptions", "validate": {"required": true}},
        {"key": "extras", "type": "checklist", "label": "Accessoires", "valuesKey": "extraOptions"}""");
    assertThat(form.field("item").orElseThrow().valuesKey()).contains("itemOptions");
    assertThat(form.field("item").orElseThrow().values()).isEmpty();
    Map<String, Object> held = Map.of(
        "itemOptions", FormOptions.variable(List.of(new FormOptions.Option("INV-004", "Tablette INV-004"),
            new FormOptions.Option("INV-007", "Casque INV-007"))),
        "extraOptions", List.of(Map.of("label", "Housse", "value", "housse")));

    Map<String, Object> valid = Map.of("item", "INV-007", "extras", List.of("housse"));
    assertThat(form.check(valid, held::get)).isEqualTo(valid);
    assertThat(form.check(Map.of("item", "INV-004"), held::get)).containsEntry("item", "INV-004");

    assertRefused(form, Map.of("item", "INV-005"), held::get)
        .hasMessage("Le champ « Matériel » doit prendre l'une des valeurs proposées.");
    assertRefused(form, Map.of("item", "INV-004", "extras", List.of("housse", "chargeur")), held::get)
        .hasMessage("Le champ « Accessoires » ne peut contenir que des valeurs proposées.");
    assertRefused(form, Map.of("item", " "), held::get).hasMessage("Le champ « Matériel » est obligatoire.");
    assertRefused(form, Map.of(), held::get).hasMessage("Le champ « Matériel » est obligatoire.");
  }

  @Test
  void aChecklistSentAsTasklistSendsItIsCheckedAndNoOtherSerializedValuePassesForEmpty() {
    FormSchema form = form("""
        {"key": "items", "type": "checklist", "label": "Matériel", "valuesKey": "itemOptions",
         "conditional": {"hide": "=choice != \\"materiel\\""}},
        {"key": "note", "type": "textfield", "label": "Note"}""");
    Map<String, Object> held = Map.of("itemOptions", FormOptions.variable(List.of(new FormOptions.Option("12", "Drone"))));
    // Tasklist sends the ticked values as JSON text, in the format and type of the options' variable.
    assertThat(form.check(Map.of("items", json("[\"12\"]")), held::get)).containsKey("items");
    assertRefused(form, Map.of("items", json("[\"12\", \"13\"]")), held::get)
        .hasMessage("Le champ « Matériel » ne peut contenir que des valeurs proposées.");
    // An object of any other shape or format is never taken for an empty field, conditional or not.
    for (Object other : List.of(json("{\"value\": \"12\"}"), json("[{\"@class\": \"java.net.URL\"}]"),
        org.camunda.bpm.engine.variable.Variables.serializedObjectValue("rO0AB").serializationDataFormat(
            "application/x-java-serialized-object").objectTypeName("java.util.ArrayList").create())) {
      assertRefused(form, Map.of("items", other), held::get).as(String.valueOf(other))
          .hasMessageContaining("Le champ « Matériel »");
      assertRefused(form, Map.of("note", other), held::get).as(String.valueOf(other))
          .hasMessage("Le champ « Note » doit être un texte.");
    }
  }

  private static Object json(String text) {
    return org.camunda.bpm.engine.variable.Variables.serializedObjectValue(text).serializationDataFormat(FormOptions.JSON_FORMAT)
        .objectTypeName(FormOptions.LIST_TYPE_NAME).create();
  }

  @Test
  void withoutItsVariableAValuesKeyFieldTakesNoValue() {
    FormSchema form = form("""
        {"key": "item", "type": "radio", "label": "Matériel", "valuesKey": "itemOptions"}""");

    assertThat(form.check(Map.of("item", ""))).containsEntry("item", "");
    assertRefused(form, Map.of("item", "INV-004")).hasMessage("Le champ « Matériel » doit prendre l'une des valeurs proposées.");
    for (Object notOptions : List.<Object>of("INV-004", List.of("INV-004"), "[{\"value\": 4}]", Map.of("value", "INV-004"),
        org.camunda.bpm.engine.variable.Variables.stringValue("[{\"label\": \"A\", \"value\": \"INV-004\"}]"),
        org.camunda.bpm.engine.variable.Variables.serializedObjectValue("[{\"label\": \"A\", \"value\": \"INV-004\"}]")
            .serializationDataFormat("application/x-java-serialized-object").objectTypeName("java.util.ArrayList").create())) {
      assertRefused(form, Map.of("item", "INV-004"), name -> notOptions).as(String.valueOf(notOptions))
          .hasMessage("Le champ « Matériel » doit prendre l'une des valeurs proposées.");
    }
    assertThat(form.check(Map.of("item", "INV-004"), name -> "[{\"label\": \"A\", \"value\": \"INV-004\"}]"))
        .containsEntry("item", "INV-004");
  }

  @Test
  void optionsAreStoredAsJsonTextThatTasklistReads() {
    var variable = (org.camunda.bpm.engine.variable.value.ObjectValue) FormOptions.variable(
        List.of(new FormOptions.Option("INV-004", "Tablette « bleue »")));

    assertThat(variable.isDeserialized()).isFalse();
    assertThat(variable.getValueSerialized()).isEqualTo("[{\"label\":\"Tablette « bleue »\",\"value\":\"INV-004\"}]");
    assertThat(variable.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(variable.getObjectTypeName()).isEqualTo("java.util.ArrayList");
    assertThat(FormOptions.values(variable)).contains(List.of("INV-004"));
    assertThat(FormOptions.values(null)).isEmpty();
  }

  @Test
  void aDatetimeIsWhatFormJsWrites() {
    FormSchema form = form("""
        {"key": "day", "type": "datetime", "subtype": "date", "dateLabel": "Jour", "label": "Jour de l'atelier"},
        {"key": "at", "type": "datetime", "subtype": "time", "label": "Heure"},
        {"key": "when", "type": "datetime", "subtype": "datetime", "label": "Début", "validate": {"required": true}}""");

    for (Map<String, Object> valid : List.<Map<String, Object>>of(
        Map.of("day", "2027-06-15", "at", "14:30", "when", "2027-06-15T14:30"),
        Map.of("at", "14:30+02:00", "when", "2027-06-15T12:30Z"),
        Map.of("day", "", "when", "2028-02-29T00:00-01:00"))) {
      assertThat(form.check(valid)).isEqualTo(valid);
    }
    assertRefused(form, Map.of("day", "15/06/2027", "when", "2027-06-15T14:30")).hasMessage("Le champ « Jour de l'atelier » doit contenir une date valide.");
    assertRefused(form, Map.of("day", "2027-02-30", "when", "2027-06-15T14:30")).hasMessage("Le champ « Jour de l'atelier » doit contenir une date valide.");
    assertRefused(form, Map.of("at", "25:00", "when", "2027-06-15T14:30")).hasMessage("Le champ « Heure » doit contenir une heure valide.");
    assertRefused(form, Map.of("when", "2027-06-15")).hasMessage("Le champ « Début » doit contenir une date et une heure valides.");
    assertRefused(form, Map.of("when", " ")).hasMessage("Le champ « Début » est obligatoire.");
    assertRefused(form, Map.of("when", new java.util.Date())).hasMessage("Le champ « Début » doit être un texte.");
  }

  @Test
  void fieldsInAGroupWithoutPathAreTheFormsOwnAndAHiddenGroupMakesThemConditional() {
    FormSchema form = form("""
        {"key": "kind", "type": "radio", "label": "Type", "validate": {"required": true},
         "values": [{"label": "Prêt", "value": "pret"}, {"label": "Don", "value": "don"}]},
        {"id": "Group_Loan", "type": "group", "label": "Prêt", "conditional": {"hide": "=kind != \\"pret\\""},
         "components": [
           {"key": "returnOn", "type": "textfield", "label": "Date de retour", "validate": {"required": true}},
           {"type": "group", "components": [{"key": "note", "type": "textarea", "label": "Note"}]}
         ]},
        {"type": "group", "components": [{"key": "agreed", "type": "checkbox", "label": "J'accepte", "validate": {"required": true}}]}""");

    assertThat(form.fields()).extracting(FormField::key).containsExactly("kind", "returnOn", "note", "agreed");
    assertThat(form.field("returnOn").orElseThrow().conditional()).isTrue();
    assertThat(form.field("note").orElseThrow().conditional()).isTrue();
    assertThat(form.field("agreed").orElseThrow().conditional()).isFalse();
    assertThat(form.check(Map.of("kind", "don", "agreed", true))).hasSize(2);
    assertThat(form.check(Map.of("kind", "pret", "returnOn", "", "agreed", true))).hasSize(3);
    assertRefused(form, Map.of("kind", "don")).hasMessage("La case « J'accepte » doit être cochée.");
  }

  @Test
  void aDisabledFieldIsDroppedLikeAReadonlyOne() {
    FormSchema form = form("""
        {"key": "reference", "type": "textfield", "label": "Référence", "disabled": true, "validate": {"required": true}},
        {"key": "comment", "type": "textfield", "label": "Commentaire"}""");

    assertThat(form.field("reference").orElseThrow().writable()).isFalse();
    assertThat(form.check(Map.of("reference", new byte[] {1}, "comment", "ok"))).isEqualTo(Map.of("comment", "ok"));
    assertThat(form.check(Map.of())).isEmpty();
  }

  @Test
  void textLengthsAreCountedAsFormJsCountsThemWithoutSurroundingSpaces() {
    FormSchema form = form("""
        {"key": "reason", "type": "textarea", "label": "Motif", "validate": {"minLength": 10, "maxLength": 20}},
        {"key": "name", "type": "textfield", "label": "Nom"}""");

    assertThat(form.check(Map.of("reason", "\u00a0 dix lettres\n\n "))).hasSize(1);
    assertThat(form.check(Map.of("reason", "  vingt caractères...  "))).hasSize(1);
    assertRefused(form, Map.of("reason", "  neuf  car  ")).hasMessage("Le champ « Motif » doit compter au moins 10 caractères (il en compte 9).");
    assertRefused(form, Map.of("reason", "vingt et un caractère")).hasMessage("Le champ « Motif » ne doit pas dépasser 20 caractères (il en compte 21).");
    assertThat(form.check(Map.of("name", "n".repeat(FormField.DEFAULT_TEXTFIELD_MAX_LENGTH)))).hasSize(1);
    assertRefused(form, Map.of("name", "n".repeat(FormField.DEFAULT_TEXTFIELD_MAX_LENGTH + 1)))
        .hasMessage("Le champ « Nom » ne doit pas dépasser 500 caractères (il en compte 501).");
  }

  @Test
  void aTextareaTakesLineBreaksAndTabsButNoOtherControlCharacter() {
    FormSchema form = form("""
        {"key": "content", "type": "textarea", "label": "Contenu"},
        {"key": "title", "type": "textfield", "label": "Titre"}""");

    assertThat(form.check(Map.of("content", "Ligne 1\r\nLigne 2\n\tretrait 😀"))).hasSize(1);
    assertThat(form.check(Map.of("title", "Atelier « numérique » 😀 — été"))).hasSize(1);
    assertRefused(form, Map.of("content", "a\u000bb")).hasMessageContaining("caractère non autorisé");
    assertRefused(form, Map.of("content", "a\u2028b")).hasMessageContaining("caractère non autorisé");
    assertRefused(form, Map.of("title", "a\tb")).hasMessage("Le champ « Titre » contient un caractère non autorisé (tabulation ou caractère de contrôle).");
    assertRefused(form, Map.of("title", "a\udc00b")).hasMessageContaining("caractère non autorisé");
  }

  @Test
  void aPatternIsSearchedAsJavaScriptDoesWithItsUnicodeSpaces() {
    FormSchema form = form("""
        {"key": "siret", "type": "textfield", "label": "SIRET", "validate": {"pattern": "^\\\\s*(\\\\d\\\\s*){14}$"}},
        {"key": "code", "type": "textarea", "label": "Code", "validate": {"pattern": "\\\\d{3}$"}}""");

    assertThat(form.check(Map.of("siret", "215\u202f050\u00a0193 00014"))).hasSize(1);
    assertThat(form.check(Map.of("code", "code 123"))).hasSize(1);
    assertRefused(form, Map.of("code", "code 123\n")).hasMessage("Le champ « Code » n'a pas le format attendu.");
    assertRefused(form, Map.of("siret", "2150501930001x")).hasMessage("Le champ « SIRET » n'a pas le format attendu.");
  }

  @Test
  void labelsFallBackToTheKey() {
    FormSchema form = form("""
        {"key": "agreed", "type": "checkbox", "validate": {"required": true}}""");

    assertThat(form.field("agreed").orElseThrow().label()).isEqualTo("agreed");
    assertThat(form.field("agreed").orElseThrow().type()).isEqualTo(Type.CHECKBOX);
  }

  @Test
  void aNullSubmissionIsEmpty() {
    FormSchema form = form("""
        {"key": "comment", "type": "textfield", "label": "Commentaire"}""");

    assertThat(form.check(null)).isEmpty();
  }

  @Test
  void whatTheServerCannotCheckIsRefusedWhenTheFormIsRead() {
    assertUnsupported("""
        {"type": "group", "path": "loan", "components": [{"key": "a", "type": "textfield"}]}""", "a group with a path");
    assertUnsupported("""
        {"id": "List", "type": "dynamiclist", "path": "items", "components": [{"key": "a", "type": "textfield"}]}""",
        "component type 'dynamiclist'");
    assertUnsupported("""
        {"key": "total", "type": "expression", "expression": "=1+1"}""", "component type 'expression'");
    assertUnsupported("""
        {"key": "a.b", "type": "textfield"}""", "a key with a dot");
    assertUnsupported("""
        {"key": "a", "type": "textfield", "readonly": "=locked"}""", "readonly must be true or false");
    assertUnsupported("""
        {"key": "a", "type": "textfield", "validate": {"maxLength": "=limit"}}""", "maxLength must be a number");
    assertUnsupported("""
        {"key": "a", "type": "textfield", "validate": {"validationType": "phone"}}""", "validationType 'phone'");
    assertUnsupported("""
        {"key": "a", "type": "textarea", "validate": {"maxLength": 5000}}""", "maxLength 5000 is above the 4000");
    assertUnsupported("""
        {"key": "a", "type": "textfield", "validate": {"pattern": "(unclosed"}}""", "cannot be read as a Java pattern");
    assertUnsupported("""
        {"key": "a", "type": "radio", "valuesExpression": "=choices"}""", "options from an expression");
    assertUnsupported("""
        {"key": "a", "type": "radio", "valuesKey": "choices", "values": [{"label": "A", "value": "a"}]}""",
        "values or a valuesKey, not both");
    assertUnsupported("""
        {"key": "a", "type": "select", "valuesKey": "loan.items"}""", "valuesKey must name a variable");
    assertUnsupported("""
        {"key": "a", "type": "select", "valuesKey": "=items"}""", "valuesKey must name a variable");
    assertUnsupported("""
        {"key": "a", "type": "select"}""", "needs declared values");
    assertUnsupported("""
        {"type": "textfield", "label": "Sans clé"}""", "needs a key");
    assertUnsupported("""
        {"key": "a", "type": "filepicker"}""", "component type 'filepicker'");
    assertUnsupported("""
        {"key": "a", "type": "textfield"}, {"key": "a", "type": "textarea"}""", "declares the key 'a' twice");
  }

  @Test
  void displayOnlyComponentsDeclareNothing() {
    FormSchema form = form("""
        {"type": "text", "text": "Bonjour"}, {"type": "html", "content": "<b>x</b>"}, {"type": "spacer"},
        {"type": "separator"}, {"type": "button", "action": "submit"}, {"type": "image", "source": "x.png"}""");

    assertThat(form.fields()).isEmpty();
    assertRefused(form, Map.of("text", "x")).hasMessage("Ce formulaire n'a pas de champ « text ».");
  }

  private static void assertUnsupported(String components, String reason) {
    assertThatThrownBy(() -> form(components)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("test.form").hasMessageContaining(reason);
  }
}
