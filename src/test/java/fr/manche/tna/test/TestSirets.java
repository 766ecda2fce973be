package fr.manche.tna.test;

import java.util.concurrent.atomic.AtomicLong;

/** Valid, distinct SIRET numbers for test organisations (Luhn check digit computed). */
public final class TestSirets {

  private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L);

  private TestSirets() {}

  public static String next() {
    String body = String.format("9%012d", NEXT.incrementAndGet());
    for (int digit = 0; digit < 10; digit++) {
      String candidate = body + digit;
      if (luhn(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException();
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
