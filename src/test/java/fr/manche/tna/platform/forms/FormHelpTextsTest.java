package fr.manche.tna.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.manche.tna.platform.time.ParisTime;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The help texts of every form ({@code forms/**}{@code /*.form}, read from the classpath as the application reads
 * them), as Tasklist uses them: the French message of a field whose value does not have the expected format is
 * "Format attendu : " followed by the first sentence of the field's description (scripts/reseau-tna.js in
 * Tasklist, README "French webapps"). So that every such message says what to type:
 *
 * <ul>
 *   <li>a field with a {@code pattern} has a description whose first sentence (up to the first ". " or " ; ")
 *       gives an example that the pattern accepts ("par exemple 215 050 193 00014"), or the date mask
 *       {@code JJ/MM/AAAA} for a date that must not be in the future (no example date would stay right);
 *   <li>no description gives as example a date that is not a date, or one already past (the test's clock is the
 *       engine's, {@link ParisTime#today()}): "par exemple 15/06/2027" must be replaced before that day.
 * </ul>
 */
class FormHelpTextsTest {

  private static final Pattern EXAMPLE = Pattern.compile("par exemple ([^()]+?)\\s*(?:\\(|\\)|$)");
  private static final Pattern DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
  private static final String DATE_MASK = "JJ/MM/AAAA";
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  record Component(String form, String key, String pattern, String description) {
    @Override
    public String toString() {
      return form + " " + key;
    }
  }

  @Test
  void everyPatternedFieldTellsItsFormatWithAnExampleItAccepts() {
    List<String> faults = new ArrayList<>();
    List<Component> patterned = components().stream().filter(component -> component.pattern() != null).toList();
    assertThat(patterned).as("the forms declare patterned fields").isNotEmpty();
    for (Component field : patterned) {
      if (field.description() == null || field.description().isBlank()) {
        faults.add(field + ": a pattern without a description (the French message quotes its first sentence)");
        continue;
      }
      String first = firstSentence(field.description());
      Matcher example = EXAMPLE.matcher(first);
      Pattern accepted = JsPattern.compile(field.pattern());
      if (example.find()) {
        String sample = example.group(1).strip();
        if (!accepted.matcher(sample).find()) {
          faults.add(field + ": its example « " + sample + " » does not match its own pattern " + field.pattern());
        }
      } else if (first.contains(DATE_MASK)) {
        if (!accepted.matcher("15/06/2027").find()) {
          faults.add(field + ": it announces " + DATE_MASK + " but its pattern refuses 15/06/2027");
        }
      } else {
        faults.add(field + ": the first sentence of its description, « " + first
            + " », gives no example (« par exemple … ») nor the mask " + DATE_MASK);
      }
    }
    assertThat(faults).as("patterned fields whose French message would not say what to type").isEmpty();
  }

  @Test
  void noHelpTextGivesAPastOrImpossibleDateAsExample() {
    LocalDate today = ParisTime.today();
    List<String> faults = new ArrayList<>();
    for (Component component : components()) {
      if (component.description() == null) {
        continue;
      }
      Matcher date = DATE.matcher(component.description());
      while (date.find()) {
        try {
          LocalDate day = LocalDate.parse(date.group(), DAY_MONTH_YEAR);
          if (day.isBefore(today)) {
            faults.add(component + ": « " + date.group() + " » is past (today is " + ParisTime.formatDate(today) + ")");
          }
        } catch (DateTimeParseException e) {
          faults.add(component + ": « " + date.group() + " » is no date");
        }
      }
    }
    assertThat(faults).as("help texts with a date example that is no longer right").isEmpty();
  }

  @Test
  void theFirstSentenceIsCutAsTasklistCutsIt() {
    assertThat(firstSentence("Jour/mois/année, par exemple 01/09/2027. Sans date, l'avenant prend effet…"))
        .isEqualTo("Jour/mois/année, par exemple 01/09/2027");
    assertThat(firstSentence("14 chiffres, par exemple 215 050 193 00014 ; l'organisation doit avoir une convention"))
        .isEqualTo("14 chiffres, par exemple 215 050 193 00014");
    assertThat(firstSentence("Heure de Paris, par exemple 14:30.")).isEqualTo("Heure de Paris, par exemple 14:30");
  }

  /** As scripts/reseau-tna.js cuts it: up to the first ". " or " ; ", without the final full stop. */
  static String firstSentence(String description) {
    String plain = description.replaceAll("\\s+", " ").strip();
    Matcher end = Pattern.compile("\\.\\s|\\s;\\s").matcher(plain);
    String first = end.find() ? plain.substring(0, end.start()) : plain;
    return first.replaceAll("\\.$", "").strip();
  }

  /** Every component of every form, nested ones included. */
  static List<Component> components() {
    List<Component> all = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try {
      Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath:forms/**/*.form");
      assertThat(forms).as("forms on the classpath").isNotEmpty();
      for (Resource form : forms) {
        try (InputStream in = form.getInputStream()) {
          collect(form.getFilename(), json.readTree(in), all);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return all;
  }

  private static void collect(String form, JsonNode node, List<Component> into) {
    for (JsonNode component : node.path("components")) {
      into.add(new Component(
          form,
          component.path("key").asText(component.path("id").asText()),
          component.path("validate").hasNonNull("pattern") ? component.path("validate").path("pattern").asText() : null,
          component.hasNonNull("description") ? component.path("description").asText() : null));
      collect(form, component, into);
    }
  }
}
