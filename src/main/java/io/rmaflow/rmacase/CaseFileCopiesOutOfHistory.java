package io.rmaflow.rmacase;

import io.rmaflow.process.RmaProcess;
import io.rmaflow.support.OutOfHistory;
import io.rmaflow.support.ProcessVariable;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps a case's copies of its case file ({@link RmaProcess.Variables#CASE_FILE_COPIES}) out of
 * the engine's history: the case file keeps them, with every change, for as long as the case is
 * kept, and removes the personal ones with the rest of its personal data. The staff's results
 * and the routing variables stay in the history.
 */
@Component
public class CaseFileCopiesOutOfHistory implements OutOfHistory {

  private final Set<String> copies = RmaProcess.Variables.CASE_FILE_COPIES.stream().map(ProcessVariable::name)
      .collect(Collectors.toUnmodifiableSet());

  @Override
  public boolean keepsOut(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && RmaProcess.KEY.equals(variable.getProcessDefinitionKey())
        && copies.contains(variable.getVariableName());
  }
}
