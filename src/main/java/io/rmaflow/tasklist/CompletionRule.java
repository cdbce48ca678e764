package io.rmaflow.tasklist;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A rule a task's results must keep that its form cannot check, because it depends on the case
 * (a refund only where something was paid). A module that owns such a rule provides it as a
 * bean; {@link TaskResultCheck} applies it with the form's own rules.
 */
public interface CompletionRule {

  /** The task definition key the rule is for. */
  String taskId();

  /** What is wrong with the task's results, in the form's words, or empty. */
  Optional<String> problemWith(DelegateTask task);
}
