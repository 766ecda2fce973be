package fr.manche.tna.platform;

import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input refused by a server-side check. The message is one French sentence, shown as is to the person who
 * submitted the form: the APIs answer 400 with that sentence alone ({@code platform.web.RefusalMappers}), and
 * the transaction that carried the input is rolled back, so nothing changes. A refusal is the caller's
 * mistake, not the application's: it is logged on one line below ERROR (a {@link BadUserRequestException}, which
 * the engine logs at DEBUG).
 */
public class InvalidInputException extends BadUserRequestException {

  public InvalidInputException(String frenchMessage) {
    super(frenchMessage);
  }

  /** The refusal behind an exception, however deep the engine wrapped it (a task listener's ENGINE-03051...). */
  public static Optional<InvalidInputException> in(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
      if (cause instanceof InvalidInputException refusal) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }
}
