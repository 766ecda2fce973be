package fr.manche.tna.membership;

import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.security.Secrets;
import fr.manche.tna.platform.time.ParisTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links with which a person sets their own password. Only the SHA-256 of the secret is stored; a
 * link works once and for {@link #VALIDITY}; a new link makes the previous ones useless.
 */
@Service
public class PasswordTokens {

  public static final Duration VALIDITY = Duration.ofHours(72);
  static final int MINIMUM_LENGTH = 12;

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final AuditLog audit;

  PasswordTokens(JdbcClient jdbc, IdentityService identityService, AuditLog audit) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.audit = audit;
  }

  /**
   * Issues a new link secret for the user, in a transaction of its own: the link in a mail that the SMTP
   * server accepted stays valid even if the sending job fails afterwards.
   *
   * @return the secret, to put in the link and nowhere else
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public String issue(String userId) {
    OffsetDateTime now = ParisTime.now().toOffsetDateTime();
    jdbc.sql("update password_token set used_at = ? where user_id = ? and used_at is null").params(now, userId).update();
    String secret = Secrets.random();
    jdbc.sql("insert into password_token (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
        .params(hash(secret), userId, now, now.plus(VALIDITY))
        .update();
    return secret;
  }

  /** The user whose link this is, if it is still usable. */
  public Optional<String> userOf(String secret) {
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql("select user_id from password_token where token_hash = ? and used_at is null and expires_at > ?")
        .params(hash(secret), ParisTime.now().toOffsetDateTime())
        .query(String.class)
        .optional();
  }

  /**
   * Sets the password chosen by the link's owner and uses the link up.
   *
   * @throws InvalidInputException in French when the link is no longer usable or the password too weak
   */
  @Transactional
  public String setPassword(String secret, String password, String confirmation) {
    String userId =
        userOf(secret)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "Ce lien n'est plus valable (il a déjà servi ou a expiré). Demandez un nouveau lien au référent du réseau."));
    String chosen = Inputs.required(password, "Mot de passe");
    if (chosen.length() < MINIMUM_LENGTH) {
      throw new InvalidInputException("Le mot de passe doit comporter au moins " + MINIMUM_LENGTH + " caractères.");
    }
    if (!chosen.equals(confirmation)) {
      throw new InvalidInputException("Les deux mots de passe saisis ne sont pas identiques.");
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setPassword(chosen);
    identityService.saveUser(user);
    jdbc.sql("update password_token set used_at = ? where token_hash = ?")
        .params(ParisTime.now().toOffsetDateTime(), hash(secret))
        .update();
    audit.record(userId, "Mot de passe défini", "Compte " + userId, null, null);
    return userId;
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
