package fr.manche.tna.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain mail (template {@code message}): a greeting and paragraphs, under the common layout that names the
 * organisation and the request and links to the page to open. For mails that need no layout of their own.
 */
public final class Message {

  private Message() {}

  /**
   * @param linkLabel what the link opens, e.g. "Signer la convention dans la liste des tâches"
   */
  public static Notification of(
      List<String> recipients,
      String subject,
      String organisationName,
      String requestSubject,
      String link,
      String linkLabel,
      String greeting,
      String... paragraphs) {
    Map<String, Object> model = new HashMap<>();
    model.put("greeting", greeting);
    model.put("paragraphs", List.of(paragraphs));
    model.put("linkLabel", linkLabel);
    return new Notification("message", recipients, subject, organisationName, requestSubject, link, model, null);
  }
}
