package fr.manche.tna.test;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** The in-memory engine of the process tests, with delegates mocked (process-test-engine.cfg.xml). */
public final class ProcessTestEngine {

  private ProcessTestEngine() {}

  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().configurationResource("process-test-engine.cfg.xml").build();
  }
}
