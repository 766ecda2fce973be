package fr.manche.tna.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.forms.FormField.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form of the repository, every field, read from the classpath as the application reads them: a form
 * added tomorrow is covered the day it is added. A field with a {@code pattern} needs a valid and an invalid
 * sample in {@link #SAMPLES}; the test says so when one is missing.
 */
class EveryFormTest {

  private static final FormCatalog CATALOG = new FormCatalog();

  /** A value that the field's pattern accepts, and one it refuses. */
  record Sample(String valid, String invalid) {}

  /** Samples of the fields that declare a pattern, by field key. */
  private static final Map<String, Sample> SAMPLES = Map.ofEntries(
      Map.entry("siret", new Sample("21505019300014", "2150501930001")),
      Map.entry("plannedOn", new Sample("15/06/2027", "2027-06-15")),
      Map.entry("occurredOn", new Sample("14/03/2027", "14 mars")),
      Map.entry("committeeYear", new Sample("2027", "27")),
      Map.entry("reviewYear", new Sample("2027", "l'an prochain")),
      Map.entry("meetingDate", new Sample("15/06/2027", "15 juin")),
      Map.entry("meetingTime", new Sample("14:30", "après-midi")),
      Map.entry("proposalsDeadline", new Sample("05/06/2027", "5 juin")),
      Map.entry("workshopsCount", new Sample("24", "vingt")),
      Map.entry("peopleReached", new Sample("150", "cent")),
      Map.entry("interviewDate", new Sample("02/12/2027", "2 décembre")),
      Map.entry("interviewTime", new Sample("10:00", "matin")),
      Map.entry("repairUntil", new Sample("31/03/2027", "fin mars")),
      Map.entry("amount", new Sample("89,90", "89 euros")),
      Map.entry("sentOn", new Sample("03/03/2027", "3 mars 2027")),
      Map.entry("acknowledgedOn", new Sample("10/03/2027", "10-03-2027")),
      Map.entry("namedEffectiveDate", new Sample("01/09/2027", "1er septembre")),
      Map.entry("welcomeMeetingDate", new Sample("15/06/2027", "15/06")),
      Map.entry("welcomeMeetingTime", new Sample("14:30", "14 heures 30")),
      Map.entry("firstDay", new Sample("01/03/2027", "1er mars 2027")),
      Map.entry("lastDay", new Sample("30/03/2027", "2027-03-30")),
      Map.entry("newFirstDay", new Sample("12/03/2027", "12 mars 2027")),
      Map.entry("newLastDay", new Sample("15/03/2027", "2027-03-15")),
      Map.entry("returnedOn", new Sample("06/04/2027", "6 avril")),
      Map.entry("reportSessions", new Sample("4", "quatre")),
      Map.entry("reportWorkshops", new Sample("2", "2 ateliers")),
      Map.entry("reportProvisions", new Sample("1", "1,5")),
      Map.entry("reportEvents", new Sample("0", "-1")),
      Map.entry("reportSchoolPupils", new Sample("75", "environ 75")),
      Map.entry("reportJobSeekers", new Sample("12", "1234567")),
      Map.entry("reportTeachers", new Sample("3", "3.0")),
      Map.entry("reportSeniors", new Sample("20", "vingt")),
      Map.entry("reportGeneralPublic", new Sample("100000", "100 000")),
      Map.entry("reportOtherPublics", new Sample("5", "cinq")),
      Map.entry("jointPeopleReached", new Sample("1 200", "environ 1200")),
      Map.entry("jointDiffusions", new Sample("3", "trois")));

  private static final String EMAIL_SAMPLE = "prenom.nom@exemple.fr";

  /** The option a task holds for every {@code valuesKey} field, in the variables {@link #HELD} gives. */
  private static final String OPTION_SAMPLE = "option-exemple";

  /** The variables of a task whose form has {@code valuesKey} fields: one option each, {@link #OPTION_SAMPLE}. */
  static final Function<String, Object> HELD =
      name -> FormOptions.variable(List.of(new FormOptions.Option(OPTION_SAMPLE, "Option d'exemple")));

  /** A form and one of its fields, named "Form.key" in the test report. */
  record Case(FormSchema form, FormField field) {
    @Override
    public String toString() {
      return form.id() + "." + field.key();
    }
  }

  static Stream<FormSchema> forms() {
    return CATALOG.all().stream();
  }

  static Stream<Case> writableFields() {
    return fields(FormField::writable);
  }

  static Stream<Case> textFields() {
    return fields(field -> field.writable() && (field.type() == Type.TEXTFIELD || field.type() == Type.TEXTAREA));
  }

  static Stream<Case> textfields() {
    return fields(field -> field.writable() && field.type() == Type.TEXTFIELD);
  }

  static Stream<Case> requiredFields() {
    return fields(field -> field.writable() && field.required() && !field.conditional());
  }

  static Stream<Case> patternFields() {
    return fields(field -> field.writable() && field.pattern().isPresent());
  }

  static Stream<Case> emailFields() {
    return fields(field -> field.writable() && field.validationType().filter("email"::equals).isPresent());
  }

  static Stream<Case> choiceFields() {
    return fields(field -> field.writable() && field.type().hasDeclaredValues());
  }

  static Stream<Case> readonlyFields() {
    return fields(field -> !field.writable());
  }

  private static Stream<Case> fields(Predicate<FormField> which) {
    return CATALOG.all().stream().flatMap(form -> form.fields().stream().filter(which).map(field -> new Case(form, field)));
  }

  @Test
  void theRepositoryHasFormsOfEveryKindTheChecksCover() {
    assertThat(CATALOG.all()).isNotEmpty();
    assertThat(writableFields()).isNotEmpty();
    assertThat(requiredFields()).isNotEmpty();
    assertThat(patternFields()).isNotEmpty();
    assertThat(readonlyFields()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void aSubmissionOfValidValuesForEveryFieldIsAcceptedUnchanged(FormSchema form) {
    Map<String, Object> valid = validSubmission(form);

    Map<String, Object> accepted = form.check(valid, HELD);

    assertThat(accepted).isEqualTo(valid).isNotSameAs(valid);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void onlyTheRequiredFieldsAreNeeded(FormSchema form) {
    Map<String, Object> required = validSubmission(form);
    required.keySet().removeIf(key -> !form.field(key).orElseThrow().required() || form.field(key).orElseThrow().conditional());

    assertThat(form.check(required, HELD)).isEqualTo(required);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void aKeyTheFormDoesNotDeclareIsRefused(FormSchema form) {
    Map<String, Object> submission = validSubmission(form);
    submission.put("organisationId", "42");

    assertRefused(form, submission, HELD).hasMessage("Ce formulaire n'a pas de champ « organisationId ».");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void anUndeclaredKeyIsQuotedCutAndWithoutControlCharacters(FormSchema form) {
    Map<String, Object> submission = validSubmission(form);
    submission.put("x\n2025-01-01 INFO admin logged in\u2028" + "y".repeat(100), "z");

    assertRefused(form, submission, HELD)
        .hasMessage("Ce formulaire n'a pas de champ « x2025-01-01 INFO admin logged inyyyyyyyy… ».");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readonlyFields")
  void aReadonlyFieldIsDroppedWhateverItsValue(Case c) {
    Map<String, Object> valid = validSubmission(c.form());
    for (Object value : List.of("une valeur modifiée", new byte[] {1, 2}, Map.of("a", 1), Variables.byteArrayValue(new byte[] {1}))) {
      Map<String, Object> submission = new LinkedHashMap<>(valid);
      submission.put(c.field().key(), value);

      assertThat(c.form().check(submission, HELD)).as(String.valueOf(value)).isEqualTo(valid);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writableFields")
  void aValueOfTheWrongTypeIsRefusedNamingTheField(Case c) {
    for (Object wrong : wrongValues(c.field())) {
      Map<String, Object> submission = validSubmission(c.form());
      submission.put(c.field().key(), wrong);

      assertRefused(c.form(), submission, HELD)
          .as(c + " = " + describe(wrong))
          .hasMessageContaining("« " + c.field().label() + " »")
          .hasMessageMatching("Le champ « .* » doit être (un texte|une case cochée ou non \\(vrai ou faux\\)|un nombre"
              + "|une liste de valeurs proposées)\\.");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textFields")
  void anOversizedTextIsRefused(Case c) {
    FormField field = c.field();
    Map<String, Object> submission = validSubmission(c.form());
    int limit = field.lengthLimit();
    submission.put(field.key(), "a".repeat(limit + 1));

    assertRefused(c.form(), submission, HELD)
        .hasMessage("Le champ « " + field.label() + " » ne doit pas dépasser " + limit + " caractères (il en compte " + (limit + 1) + ").");

    submission.put(field.key(), " ".repeat(FormField.ENGINE_TEXT_LIMIT) + validSample(field));
    assertRefused(c.form(), submission, HELD)
        .hasMessageStartingWith("Le champ « " + field.label() + " » ne doit pas dépasser " + FormField.ENGINE_TEXT_LIMIT + " caractères");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textfields")
  void aLineBreakInATextfieldIsRefused(Case c) {
    for (String lineBreak : List.of("\n", "\r", "\r\n", "\u2028", "\u0085")) {
      Map<String, Object> submission = validSubmission(c.form());
      submission.put(c.field().key(), validSample(c.field()) + lineBreak + "2025-01-01 INFO admin logged in");

      assertRefused(c.form(), submission, HELD)
          .hasMessage("Le champ « " + c.field().label() + " » doit tenir sur une ligne, sans retour à la ligne.");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textFields")
  void aControlCharacterIsRefused(Case c) {
    for (String control : List.of("\u0000", "\u001b[31m", "\u007f", "\ud800")) {
      Map<String, Object> submission = validSubmission(c.form());
      submission.put(c.field().key(), validSample(c.field()) + control);

      assertRefused(c.form(), submission, HELD).as(c + " with U+%04X", (int) control.charAt(0))
          .hasMessage("Le champ « " + c.field().label() + " » contient un caractère non autorisé (tabulation ou caractère de contrôle).");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requiredFields")
  void aRequiredFieldMissingNullOrBlankIsRefused(Case c) {
    FormField field = c.field();
    String expected = field.type() == Type.CHECKBOX
        ? "La case « " + field.label() + " » doit être cochée."
        : "Le champ « " + field.label() + " » est obligatoire.";
    Map<String, Object> submission = validSubmission(c.form());

    submission.remove(field.key());
    assertRefused(c.form(), submission, HELD).hasMessage(expected);

    submission.put(field.key(), null);
    assertRefused(c.form(), submission, HELD).hasMessage(expected);

    submission.put(field.key(), Variables.untypedNullValue());
    assertRefused(c.form(), submission, HELD).hasMessage(expected);

    Object blank = switch (field.type()) {
      case CHECKBOX -> false;
      case CHECKLIST, TAGLIST -> List.of();
      case NUMBER -> null;
      default -> "   ";
    };
    submission.put(field.key(), blank);
    assertRefused(c.form(), submission, HELD).hasMessage(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("patternFields")
  void aValueOutOfThePatternIsRefusedWithTheDescriptionAsHint(Case c) {
    FormField field = c.field();
    Map<String, Object> submission = validSubmission(c.form());
    submission.put(field.key(), sample(c).invalid());

    String hint = field.description().map(d -> " : " + (d.endsWith(".") ? d : d + ".")).orElse(".");
    assertRefused(c.form(), submission, HELD).hasMessage("Le champ « " + field.label() + " » n'a pas le format attendu" + hint);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emailFields")
  void anInvalidEmailAddressIsRefused(Case c) {
    for (String wrong : List.of("prenom.nom", "prenom.nom@", "@exemple.fr", "prenom nom@exemple.fr", " prenom.nom@exemple.fr")) {
      Map<String, Object> submission = validSubmission(c.form());
      submission.put(c.field().key(), wrong);

      assertRefused(c.form(), submission, HELD).as(wrong).hasMessage("Le champ « " + c.field().label()
          + " » doit contenir une adresse électronique valide, par exemple prenom.nom@exemple.fr.");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("choiceFields")
  void aValueTheFieldDoesNotProposeIsRefused(Case c) {
    Map<String, Object> submission = validSubmission(c.form());
    submission.put(c.field().key(), c.field().type().isList() ? List.of("valeur inventée") : "valeur inventée");

    assertRefused(c.form(), submission, HELD).hasMessageContaining("« " + c.field().label() + " »").hasMessageContaining("valeurs proposées");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void conditionalFieldsMayBeLeftOut(FormSchema form) {
    Map<String, Object> submission = validSubmission(form);
    submission.keySet().removeIf(key -> form.field(key).orElseThrow().conditional());

    assertThat(form.check(submission, HELD)).isEqualTo(submission);
  }

  // --- samples

  /** A valid value for every writable field of the form. */
  static Map<String, Object> validSubmission(FormSchema form) {
    Map<String, Object> submission = new LinkedHashMap<>();
    form.fields().stream().filter(FormField::writable).forEach(field -> submission.put(field.key(), validSample(form, field)));
    return submission;
  }

  private static Object validSample(FormField field) {
    return validSample(CATALOG.all().stream().filter(form -> form.fields().contains(field)).findFirst().orElseThrow(), field);
  }

  private static Object validSample(FormSchema form, FormField field) {
    if (field.pattern().isPresent()) {
      return sample(new Case(form, field)).valid();
    }
    return switch (field.type()) {
      case TEXTFIELD -> field.validationType().isPresent() ? EMAIL_SAMPLE : text("Texte d'exemple", field);
      case TEXTAREA -> text("Première ligne,\r\nseconde ligne\tavec une tabulation.", field);
      case RADIO, SELECT -> choice(field);
      case CHECKBOX -> true;
      case CHECKLIST, TAGLIST -> List.of(choice(field));
      case NUMBER -> number(field);
      case DATETIME -> switch (field.subtype().orElse("date")) {
        case "time" -> "14:30";
        case "datetime" -> "2027-06-15T14:30";
        default -> "2027-06-15";
      };
    };
  }

  /** A value a choice field offers: its first declared value, or the option its valuesKey variable holds. */
  private static String choice(FormField field) {
    return field.valuesKey().isPresent() ? OPTION_SAMPLE : field.values().get(0);
  }

  private static Sample sample(Case c) {
    Sample sample = SAMPLES.get(c.field().key());
    if (sample == null) {
      fail("%s declares the pattern %s: add a valid and an invalid sample for the key '%s' to EveryFormTest.SAMPLES",
          c, c.field().pattern().orElseThrow(), c.field().key());
    }
    return sample;
  }

  private static String text(String sample, FormField field) {
    String text = sample;
    while (text.length() < field.minLength().orElse(0)) {
      text += " et encore";
    }
    return text.length() > field.lengthLimit() ? text.substring(0, field.lengthLimit()) : text;
  }

  private static Object number(FormField field) {
    BigDecimal number = field.min().orElse(field.increment().orElse(BigDecimal.ONE));
    if (field.max().isPresent() && number.compareTo(field.max().get()) > 0) {
      number = field.max().get();
    }
    if (field.serializeToString()) {
      return number.toPlainString();
    }
    return number.stripTrailingZeros().scale() <= 0 ? (Object) number.intValueExact() : (Object) number.doubleValue();
  }

  /** Values of a type the field does not take, plain and typed. */
  private static List<Object> wrongValues(FormField field) {
    List<Object> wrong = new ArrayList<>(List.of(
        "[B@29725a40".getBytes(StandardCharsets.UTF_8),
        Map.of("name", "Commune"),
        new Date(),
        new BigDecimal("1.5"),
        1.5f,
        Variables.byteArrayValue(new byte[] {1, 2, 3}),
        Variables.dateValue(new Date()),
        Variables.fileValue("attestation.pdf").file(new byte[] {1}).create(),
        Variables.serializedObjectValue("{\"name\":\"Commune\"}")
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .objectTypeName("java.util.HashMap")
            .create(),
        Variables.objectValue(new ArrayList<>(List.of("a"))).create()));
    if (field.type().isText()) {
      wrong.addAll(List.of(List.of("un", "deux"), true, 42, 42L, 4.2, (short) 4, Variables.integerValue(42),
          Variables.booleanValue(true), Variables.longValue(null), Variables.untypedValue(List.of("un"))));
    }
    if (field.type() == Type.CHECKBOX) {
      wrong.addAll(List.of("true", "on", 1, List.of(true), Variables.stringValue("true")));
    }
    if (field.type() == Type.NUMBER) {
      wrong.addAll(List.of(true, List.of(1), Double.NaN, Double.POSITIVE_INFINITY));
      wrong.add(field.serializeToString() ? 12 : "12");
    }
    if (field.type().isList()) {
      wrong.addAll(List.of(choice(field), true, 1, List.of(1), java.util.Arrays.asList((String) null)));
    }
    return wrong;
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + (value instanceof byte[] ? "bytes" : value);
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(FormSchema form, Map<String, ?> submission) {
    return assertRefused(form, submission, name -> null);
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      FormSchema form, Map<String, ?> submission, Function<String, ?> variables) {
    return assertThatThrownBy(() -> form.check(submission, variables))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(EveryFormTest::isOneFrenchSentence);
  }

  /** One sentence, French, quoting no Java class name, no regular expression, no English. */
  static void isOneFrenchSentence(Throwable refusal) {
    String message = refusal.getMessage();
    assertThat(message).matches("(Le champ|La case|Ce formulaire) [^\\n]*\\.")
        .doesNotContain("java.", "class ", "Exception", "[B@", "\\d", "\\s", "^", "$", "null", " must ", " field ")
        .doesNotContainPattern("[\\p{Cc}\\u2028\\u2029]");
  }
}
