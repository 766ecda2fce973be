package fr.manche.tna.platform.tasks;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a user task is about, told by its capability ({@link TaskContexts}) and shown in Tasklist: the organisation
 * in the task's name ("Examiner la demande de convention – Commune de Gavray-sur-Sienne"), the subject as its
 * description (under the name in the task list), the deadline as its due date, and the values its form can
 * already show (task variables of the same names as the form's fields).
 *
 * @param organisation the member organisation concerned, or {@code null}
 * @param subject one line, in French, saying what the task is about, or {@code null}
 * @param due the deadline, or {@code null} when there is none
 * @param prefilled form fields the system already knows, by key (a normal field with a value: the person may
 *     change it; the submission is checked like any other)
 */
public record TaskContext(String organisation, String subject, Instant due, Map<String, Object> prefilled) {

  public TaskContext {
    prefilled = prefilled == null ? Map.of() : Map.copyOf(prefilled);
  }

  public static TaskContext of(String organisation, String subject) {
    return new TaskContext(organisation, subject, null, Map.of());
  }

  public TaskContext due(Instant deadline) {
    return new TaskContext(organisation, subject, deadline, prefilled);
  }

  public TaskContext prefill(Map<String, Object> values) {
    return new TaskContext(organisation, subject, due, values);
  }

  public Optional<String> organisationName() {
    return Optional.ofNullable(organisation).map(String::strip).filter(name -> !name.isEmpty());
  }
}
