package fr.manche.tna.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.manche.tna.platform.security.ModelCatalogue.Field;
import fr.manche.tna.platform.security.ModelCatalogue.Form;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Valid values for the fields of the forms, and the bad values the platform must refuse. A form's valid
 * submission is built from its own declaration: a choice takes one of its options, a checkbox is ticked, a
 * text takes the sample of its key (below, checked against the field's pattern and length); fields hidden
 * by a condition are left out, as form-js does. A new text field needs a sample here: the tests say so.
 */
final class FormSamples {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Pattern CONDITION = Pattern.compile("^=\\s*(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /** A value as the REST API carries it: {@code {"value": ..., "type": ...}}, and what it is, for messages. */
  record Value(String description, ObjectNode json) {
    static Value string(String text) {
      ObjectNode node = JSON.createObjectNode();
      node.put("value", text);
      node.put("type", "String");
      return new Value(text.length() > 40 ? "texte de " + text.length() + " caractères" : "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\"", node);
    }

    /** A checklist's values as Tasklist sends them when its options come from a variable: JSON text, that format. */
    static Value list(List<String> values) {
      ObjectNode node = JSON.createObjectNode();
      node.put("value", JSON.valueToTree(values).toString());
      node.put("type", "Object");
      ObjectNode info = node.putObject("valueInfo");
      info.put("serializationDataFormat", "application/json");
      info.put("objectTypeName", "java.util.ArrayList");
      return new Value("liste " + values, node);
    }

    @SuppressWarnings("unchecked")
    static Value of(Object value) {
      if (value instanceof List<?> list) {
        return list((List<String>) list);
      }
      if (value instanceof Boolean bool) {
        ObjectNode node = JSON.createObjectNode();
        node.put("value", bool);
        node.put("type", "Boolean");
        return new Value(String.valueOf(bool), node);
      }
      return string((String) value);
    }

    static Value raw(String description, String json) {
      try {
        return new Value(description, (ObjectNode) JSON.readTree(json));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(json, e);
      }
    }
  }

  private final Map<String, String> texts = new HashMap<>();
  private final Map<String, String> formOverrides = new HashMap<>();

  /**
   * @param siret the SIRET of an organisation with a convention in force (what staff forms name)
   * @param freeSiret a valid SIRET no organisation has yet (for an application)
   */
  /** A value for one form's field that only this run's data makes valid (an item in the member's hands...). */
  void override(String formId, String key, String value) {
    formOverrides.put(formId + "." + key, value);
  }

  FormSamples(String siret, String freeSiret, String nonce) {
    LocalDate today = fr.manche.tna.platform.time.ParisTime.today();
    String future = today.plusDays(60).format(DAY);
    texts.put("subject", "Atelier numérique à la médiathèque");
    texts.put("content", "Nous présentons les ateliers numériques menés avec le Département de la Manche.");
    texts.put("media", "Bulletin municipal");
    texts.put("partners", "Département de la Manche");
    texts.put("plannedOn", future);
    texts.put("decisionComment", "Merci de citer le Département comme partenaire.");
    texts.put("decisionReason", "Le dossier est complet.");
    texts.put("organisationName", "Commune de Sainte-Confiance");
    texts.put("siret", siret);
    texts.put("address", "Mairie, 50000 Saint-Lô");
    texts.put("venueDescription", "Espace public numérique de la mairie");
    texts.put("contactName", "Marie Lefèvre");
    texts.put("contactEmail", "contact-" + nonce + "@commune.example.fr");
    texts.put("memberSignatoryName", "Jean Dupuis");
    texts.put("memberSignatoryRole", "maire");
    texts.put("memberSignatoryEmail", "maire-" + nonce + "@commune.example.fr");
    texts.put("welcomeMeetingDate", future);
    texts.put("welcomeMeetingTime", "14:30");
    texts.put("amendmentObject", "Ajout d'un second lieu de médiation");
    texts.put("amendmentContent", "L'article 3 est complété : les ateliers ont aussi lieu à la salle des fêtes.");
    texts.put("namedEffectiveDate", future);
    texts.put("proposalMessage", "Nous vous proposons de renouveler notre convention de coopération.");
    texts.put("signatoryName", "Jean Dupuis");
    texts.put("signatoryRole", "maire");
    texts.put("signatoryEmail", "maire-" + nonce + "@commune.example.fr");
    texts.put("declineReason", "Nous arrêtons les ateliers numériques.");
    texts.put("acknowledgedOn", today.format(DAY));
    texts.put("remedyComment", "Le matériel a été rendu.");
    texts.put("failure", "Matériel prêté non restitué à la date convenue.");
    texts.put("letterReference", "RAR-" + nonce);
    texts.put("sentOn", today.format(DAY));
    texts.put("signerName", "Jean Dupuis");
    texts.put("signerRole", "maire");
    texts.put("refusalReason", "Le document comporte une erreur de date.");
    texts.put("activities", "Ateliers de découverte de la réalité virtuelle pour les collégiens.");
    texts.put("expectedAudience", "3 classes de 4e, environ 75 élèves");
    texts.put("firstDay", future);
    texts.put("lastDay", today.plusDays(65).format(DAY));
    texts.put("longerNeedReason", "Projet mené sur tout le trimestre avec le collège.");
    texts.put("requestedItems", "INV-004 (Casque de réalité virtuelle)");
    texts.put("loanDecisionReason", "Le matériel est réservé pour votre structure.");
    texts.put("newFirstDay", future);
    texts.put("newLastDay", today.plusDays(62).format(DAY));
    texts.put("newLongerNeedReason", "Projet mené sur tout le trimestre avec le collège.");
    texts.put("returnedOn", today.format(DAY));
    texts.put("handoverNotes", "Housse un peu usée.");
    texts.put("committeeYear", String.valueOf(today.getYear()));
    texts.put("meetingDate", today.plusDays(20).format(DAY));
    texts.put("meetingTime", "14:30");
    texts.put("meetingPlace", "Maison du Département, Saint-Lô");
    texts.put("agenda", "Bilan des prêts du semestre ; projets de la rentrée.");
    texts.put("proposalsDeadline", today.plusDays(10).format(DAY));
    texts.put("minutes", "Douze structures présentes ; échanges sur les ateliers seniors.");
    texts.put("decisions", "Un atelier commun sur la sécurité en ligne à l'automne.");
    texts.put("proposalTitle", "Les ateliers numériques pour les seniors");
    texts.put("proposalDescription", "Notre expérience de l'année avec le club des aînés.");
    texts.put("reviewYear", String.valueOf(today.getYear()));
    texts.put("workshopsCount", "24");
    texts.put("peopleReached", "150");
    texts.put("highlights", "La fête du numérique en mai.");
    texts.put("difficulties", "Un animateur absent trois mois.");
    texts.put("interviewDate", today.plusDays(15).format(DAY));
    texts.put("interviewTime", "10:00");
    texts.put("interviewPlace", "Dans les locaux de la structure");
    texts.put("results", "Objectifs atteints : ateliers réguliers et nouveaux publics.");
    texts.put("plans", "Ouvrir un atelier pour les demandeurs d'emploi.");
    texts.put("memberRemarks", "La rayure était déjà là au départ.");
    texts.put("inventoryNumber", "INV-011");
    texts.put("occurredOn", today.format(DAY));
    texts.put("description", "Le drone ne s'allume plus depuis la séance de mardi.");
    texts.put("repairUntil", today.plusDays(10).format(DAY));
    texts.put("amount", "89,90");
    texts.put("insuranceClaim", "MAIF-2027-123");
    texts.put("followUpNotes", "Appelée ce matin : le matériel revient vendredi.");
    texts.put("extensionDecisionReason", "Le matériel part en maintenance.");
    texts.put("reportSessions", "4");
    texts.put("reportWorkshops", "2");
    texts.put("reportProvisions", "1");
    texts.put("reportEvents", "1");
    texts.put("reportSchoolPupils", "75");
    texts.put("reportJobSeekers", "12");
    texts.put("reportTeachers", "3");
    texts.put("reportSeniors", "20");
    texts.put("reportGeneralPublic", "40");
    texts.put("reportOtherPublics", "5");
    texts.put("reportComments", "Les collégiens ont adoré ; deux casques à recharger plus souvent.");
    texts.put("jointOperation", "« Atelier numérique à la médiathèque », diffusion prévue le 15/06/2027 (Bulletin municipal)");
    texts.put("jointWhatWasDone", "Un article d'une page dans le bulletin municipal, avec le logo du Département.");
    texts.put("jointPeopleReached", "1 200");
    texts.put("jointDiffusions", "3");
    texts.put("jointPartners", "Collège Jean-Monnet");
    texts.put("jointComments", "Plusieurs habitants sont venus aux ateliers après l'article.");
    texts.put("maintenanceDone", "Logiciel mis à jour en version 4.2, batteries contrôlées.");
    texts.put("maintenanceNotes", "Une batterie à remplacer bientôt.");
    // An application is filed for an organisation that has no convention yet.
    formOverrides.put("ConventionApplicationStart.siret", freeSiret);
  }

  /**
   * The valid submissions of the form, as form-js would send them: one for each option of the choices that
   * show or hide other fields (the first one first), so that every field is visible in one of them.
   */
  List<Map<String, Object>> validSubmissions(Form form) {
    List<Field> switches = form.inputs().stream()
        .filter(Field::isChoice)
        .filter(choice -> form.fields().stream().anyMatch(field -> choice.key().equals(conditionKey(field))))
        .toList();
    List<Map<String, String>> combinations = new ArrayList<>();
    combinations.add(new LinkedHashMap<>());
    for (Field choice : switches) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> combination : combinations) {
        for (String option : choice.options()) {
          Map<String, String> extended = new LinkedHashMap<>(combination);
          extended.put(choice.key(), option);
          next.add(extended);
        }
      }
      combinations = next;
    }
    List<Map<String, Object>> submissions = new ArrayList<>();
    for (Map<String, String> combination : combinations) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Field field : form.inputs()) {
        values.put(field.key(), combination.containsKey(field.key()) ? combination.get(field.key()) : valid(field));
      }
      form.inputs().stream().filter(field -> !visible(field, values)).forEach(field -> values.remove(field.key()));
      submissions.add(values);
    }
    return submissions;
  }

  /** Whether form-js shows the field with these values (a field hidden by its condition is not submitted). */
  static boolean visible(Field field, Map<String, Object> values) {
    if (field.hideCondition() == null) {
      return true;
    }
    Matcher condition = CONDITION.matcher(field.hideCondition());
    if (!condition.matches()) {
      throw new AssertionError("Field " + field + ": the security tests cannot read the condition " + field.hideCondition()
          + " (FormSamples.CONDITION reads =key = \"value\" and =key != \"value\")");
    }
    boolean equal = condition.group(3).equals(String.valueOf(values.get(condition.group(1))));
    boolean hidden = condition.group(2).equals("=") ? equal : !equal;
    return !hidden;
  }

  private static String conditionKey(Field field) {
    if (field.hideCondition() == null) {
      return null;
    }
    Matcher condition = CONDITION.matcher(field.hideCondition());
    return condition.matches() ? condition.group(1) : null;
  }

  /** A value the field accepts. */
  Object valid(Field field) {
    if (field.isList()) {
      if (field.options().isEmpty()) {
        throw new AssertionError("Field " + field + " has no options to choose from");
      }
      return List.of(field.options().get(0));
    }
    if (field.isChoice()) {
      if (field.options().isEmpty()) {
        throw new AssertionError("Field " + field + " has no options to choose from");
      }
      return field.options().get(0);
    }
    if (field.isCheckbox()) {
      return Boolean.TRUE;
    }
    if (!field.isText()) {
      throw new AssertionError("Field " + field + ": no valid sample for fields of type " + field.type() + " (FormSamples.valid)");
    }
    String value = formOverrides.getOrDefault(field.formId() + "." + field.key(), texts.get(field.key()));
    if (value == null) {
      throw new AssertionError("Field " + field + " has no valid sample value: add one for the key \"" + field.key()
          + "\" to FormSamples (its label: " + field.label() + ")");
    }
    if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(value).find()) {
      throw new AssertionError("The sample \"" + value + "\" of " + field + " does not match its pattern " + field.pattern());
    }
    if (field.maxLength() != null && value.length() > field.maxLength()) {
      throw new AssertionError("The sample of " + field + " is longer than its maxLength " + field.maxLength());
    }
    if ("email".equals(field.validationType()) && !EMAIL.matcher(value).matches()) {
      throw new AssertionError("The sample of " + field + " is not an e-mail address");
    }
    return value;
  }

  /** Values of another type than the field's: what a script, not a form, could send. */
  static List<Value> wrongTypes(Field field) {
    List<Value> values = new ArrayList<>();
    values.add(Value.raw("un entier (Integer)", "{\"value\": 42, \"type\": \"Integer\"}"));
    if (!field.isCheckbox()) {
      values.add(Value.raw("un booléen (Boolean)", "{\"value\": true, \"type\": \"Boolean\"}"));
    }
    values.add(Value.raw("une date (Date)", "{\"value\": \"2027-01-15T10:00:00.000+0100\", \"type\": \"Date\"}"));
    values.add(Value.raw("du JSON (Json)", "{\"value\": \"{\\\"a\\\": [1, 2]}\", \"type\": \"Json\"}"));
    values.add(Value.raw("une liste sérialisée (Object)",
        "{\"value\": \"[\\\"a\\\", \\\"b\\\"]\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.ArrayList\","
            + " \"serializationDataFormat\": \"application/json\"}}"));
    values.add(Value.raw("une liste JSON sans type", "{\"value\": [\"a\", \"b\"]}"));
    values.add(Value.raw("un objet JSON sans type", "{\"value\": {\"a\": \"b\"}}"));
    values.add(Value.raw("des octets (Bytes)", "{\"value\": \"aGVsbG8=\", \"type\": \"Bytes\"}"));
    return values;
  }

  /** Text values the field's declaration refuses: beyond its length, against its pattern or e-mail shape, on two lines. */
  static List<Value> malformed(Field field, String validSample) {
    List<Value> values = new ArrayList<>();
    if (field.pattern() != null) {
      Pattern pattern = Pattern.compile(field.pattern());
      for (String candidate : List.of("n'importe quoi", "abc", "31-12-2099", "1234567", "12/12/12/12", "99999999999999999999")) {
        if (!pattern.matcher(candidate).find()) {
          values.add(Value.string(candidate));
          break;
        }
      }
    }
    if ("email".equals(field.validationType())) {
      values.add(Value.string("pas-une-adresse"));
    }
    if (field.isSingleLineText()) {
      int middle = Math.max(1, validSample.length() / 2);
      values.add(Value.string(validSample.substring(0, middle) + "\n" + validSample.substring(middle)));
      values.add(Value.string(validSample + "\r\nBcc: intrus@example.com"));
    }
    return values;
  }

  /** Texts longer than the field allows: its declared maximum plus one, and 100,000 characters. */
  static List<Value> oversized(Field field) {
    List<Value> values = new ArrayList<>();
    if (field.maxLength() != null) {
      values.add(Value.string("é".repeat(field.maxLength() + 1)));
    }
    values.add(Value.string("a".repeat(100_000)));
    return values;
  }
}
