package fr.manche.tna.platform;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Input refused by a server-side check. The message is French and is shown as is to the person who
 * submitted the form (Tasklist displays the engine's error message), and the transaction that carried the
 * input is rolled back, so nothing changes.
 */
public class InvalidInputException extends ProcessEngineException {

  public InvalidInputException(String frenchMessage) {
    super(frenchMessage);
  }
}
