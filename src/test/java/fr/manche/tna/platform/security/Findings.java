package fr.manche.tna.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a generic security test found wrong, collected over all the probes so that one run tells every
 * process, form, field and way in that fails, not only the first.
 */
final class Findings {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Marks of a message written for developers: English words of the engine, Java names, regular expressions. */
  private static final Pattern NOT_FOR_PEOPLE =
      Pattern.compile("\\bCannot\\b|ENGINE-|Exception|\\bnull\\b|java\\.|org\\.camunda|\\\\[dswDSW]|\\(\\?|\\[\\^");
  /** A qualified Java class name: {@code org.camunda.bpm.engine.ProcessEngineException}. */
  private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w+");
  private static final Pattern FRENCH =
      Pattern.compile("[àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛÜŒ«»]|\\b(le|la|les|des|du|de|un|une|est|doit|ne|pas|champ|valeur|ce|cette|être|vous|votre|dans)\\b",
          Pattern.CASE_INSENSITIVE);

  private final List<String> problems = new ArrayList<>();

  void add(String problem) {
    problems.add(problem);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  int size() {
    return problems.size();
  }

  /** Fails with every problem found, numbered. */
  void assertNone(String what) {
    if (problems.isEmpty()) {
      return;
    }
    StringBuilder report = new StringBuilder(what + " : " + problems.size() + " problème(s)\n");
    java.util.Map<String, Integer> bySubject = new java.util.TreeMap<>();
    problems.forEach(problem -> bySubject.merge(problem.split(", ", 2)[0], 1, Integer::sum));
    if (bySubject.size() > 1) {
      report.append("Par sujet :\n");
      bySubject.forEach((subject, count) -> report.append(String.format("  %4d  %s%n", count, abbreviate(subject))));
      report.append("Le détail :\n");
    }
    int shown = Math.min(problems.size(), 2000);
    for (int i = 0; i < shown; i++) {
      report.append(String.format("%3d. %s%n", i + 1, problems.get(i)));
    }
    if (shown < problems.size()) {
      report.append("… et ").append(problems.size() - shown).append(" autres\n");
    }
    throw new AssertionError(report.toString());
  }

  /**
   * What is wrong with a refusal's message for a person: it must be a French sentence alone, without the
   * engine's English wording, Java names or a regular expression ({@code forbidden}: more fragments).
   */
  static Optional<String> notAFrenchMessage(HttpResponse<String> response, String... forbidden) {
    return notAFrenchMessage(response.body(), forbidden);
  }

  /** The same, on a response's body. */
  static Optional<String> notAFrenchMessage(String responseBody, String... forbidden) {
    JsonNode body;
    try {
      body = JSON.readTree(responseBody);
    } catch (Exception notJson) {
      return Optional.of("le corps n'est pas du JSON : " + abbreviate(responseBody));
    }
    if (body == null || !body.hasNonNull("message")) {
      return Optional.of("pas de champ « message » : " + abbreviate(responseBody));
    }
    String message = body.get("message").asText();
    if (message.isBlank()) {
      return Optional.of("message vide");
    }
    Matcher mark = NOT_FOR_PEOPLE.matcher(message);
    if (mark.find()) {
      return Optional.of("message contenant « " + mark.group() + " » : " + abbreviate(message));
    }
    for (String fragment : forbidden) {
      if (fragment != null && !fragment.isEmpty() && message.contains(fragment)) {
        return Optional.of("message contenant « " + fragment + " » : " + abbreviate(message));
      }
    }
    if (CLASS_NAME.matcher(message).find()) {
      return Optional.of("message contenant un nom de classe Java : " + abbreviate(message));
    }
    if (!FRENCH.matcher(message).find()) {
      return Optional.of("message qui n'est pas en français : " + abbreviate(message));
    }
    return Optional.empty();
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "(rien)";
    }
    String oneLine = text.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() > 260 ? oneLine.substring(0, 260) + "…" : oneLine;
  }

  static String describe(HttpResponse<String> response) {
    return response.statusCode() + " " + abbreviate(response.body());
  }
}
