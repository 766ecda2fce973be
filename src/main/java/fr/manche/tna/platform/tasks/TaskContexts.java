package fr.manche.tna.platform.tasks;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a capability tells about the user tasks of its processes, from its own business data: a Spring bean per
 * capability (or per process). {@link TaskContextPlugin} asks it whenever a user task of one of its processes is
 * created or assigned, whatever the model, so a new process only declares its keys and says what its tasks are
 * about. Every process with a user task has one: {@code TaskContextsTest} reads {@code bpmn/}.
 */
public interface TaskContexts {

  /** The keys of the processes (their BPMN file names) whose user tasks this describes. */
  Set<String> processKeys();

  /**
   * What the task is about. Called in the engine's transaction when the task is created, then each time it is
   * assigned ({@link DelegateTask#getAssignee()} is the new assignee, or {@code null}).
   */
  TaskContext describe(DelegateTask task);
}
