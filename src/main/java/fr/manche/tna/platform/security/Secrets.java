package fr.manche.tna.platform.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable random strings: link secrets, form tokens, passwords nobody knows. */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** 256 random bits, URL-safe Base64 (43 characters). */
  public static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
