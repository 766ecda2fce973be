package fr.manche.tna.platform.forms;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A form's {@code validate.pattern}, a JavaScript regular expression, read as form-js reads it.
 *
 * <p>form-js (1.x, bundled with Camunda 7.24) tests {@code new RegExp(pattern).test(value)}: no flags, and the
 * pattern is searched anywhere in the value, not matched against the whole of it; our patterns anchor
 * themselves with {@code ^...$}. Java and JavaScript read most patterns alike; the differences that matter
 * are translated:
 * <ul>
 *   <li>{@code $} ends the input in JavaScript, while Java's also matches before a final line break: it
 *       becomes {@code \z};
 *   <li>{@code \s} (and its contrary {@code \S}) covers Unicode spaces in JavaScript (no-break space, narrow
 *       no-break space of French number formatting, ideographic space...) but only ASCII ones in Java: it
 *       becomes JavaScript's list;
 *   <li>inside a character class, {@code [} and {@code &} are plain characters in JavaScript but not in Java:
 *       they are escaped; {@code []} (nothing) and {@code [^]} (anything) are spelled out.
 * </ul>
 * Use {@link Pattern#matcher(CharSequence)} then {@link java.util.regex.Matcher#find()}, as JavaScript's
 * {@code test} does.
 */
final class JsPattern {

  /** What JavaScript's {@code \s} matches: its WhiteSpace and LineTerminator characters. */
  static final String JS_SPACES = "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

  private JsPattern() {}

  /**
   * @throws IllegalArgumentException when Java cannot read the translated pattern
   */
  static Pattern compile(String javascript) {
    String java = translate(javascript);
    try {
      return Pattern.compile(java);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("pattern " + javascript + " cannot be read as a Java pattern (" + java + ")", e);
    }
  }

  static String translate(String javascript) {
    StringBuilder java = new StringBuilder(javascript.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < javascript.length(); i++) {
      char c = javascript.charAt(i);
      if (c == '\\' && i + 1 < javascript.length()) {
        char escaped = javascript.charAt(++i);
        if (escaped == 's') {
          java.append(inClass ? JS_SPACES : "[" + JS_SPACES + "]");
        } else if (escaped == 'S') {
          java.append("[^" + JS_SPACES + "]");
        } else {
          java.append('\\').append(escaped);
        }
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
          java.append(c);
        } else if (c == '[' || c == '&') {
          java.append('\\').append(c);
        } else {
          java.append(c);
        }
      } else if (c == '[') {
        if (javascript.startsWith("[]", i)) {
          java.append("(?!)");
          i += 1;
        } else if (javascript.startsWith("[^]", i)) {
          java.append("[\\s\\S]");
          i += 2;
        } else {
          inClass = true;
          java.append(c);
          if (javascript.startsWith("[^", i)) {
            java.append('^');
            i += 1;
          }
        }
      } else if (c == '$') {
        java.append("\\z");
      } else {
        java.append(c);
      }
    }
    return java.toString();
  }
}
