package io.rmaflow.tasklist;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task's results break its form's rules. A form validation failure to the engine, so the
 * engine REST API answers 400 with this message, and Tasklist shows it.
 */
public class TaskResultRejectedException extends FormFieldValidationException {

  public TaskResultRejectedException(String taskName, String rmaNumber, List<String> problems) {
    super(problems, "Cannot complete '" + taskName + "' of " + rmaNumber + ": " + String.join(" ", problems));
  }
}
