package fr.manche.tna.platform;

/** What a log line may hold of a user's text. */
public final class Logs {

  private static final int MAX = 300;

  private Logs() {}

  /**
   * The text on one line: line breaks and other control characters become spaces (a name holding a line
   * break would otherwise write a forged line into the log), cut to {@value #MAX} characters.
   */
  public static String safe(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
    return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX) + "…";
  }
}
