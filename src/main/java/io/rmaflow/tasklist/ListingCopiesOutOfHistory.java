package io.rmaflow.tasklist;

import io.rmaflow.support.OutOfHistory;
import io.rmaflow.support.ProcessVariable;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the copies {@link TaskListing} puts on each task (the case's facts and recent history,
 * for Tasklist's list and forms) out of the engine's history. They repeat what the process
 * variables and the case file already keep, and would otherwise be a fifth of what a closed
 * case leaves in the database (ADR 14).
 */
@Component
public class ListingCopiesOutOfHistory implements OutOfHistory {

  private final Set<String> copied = TaskListing.COPIED.stream().map(ProcessVariable::name)
      .collect(Collectors.toUnmodifiableSet());

  @Override
  public boolean keepsOut(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity update
        && update.getTaskId() != null
        && copied.contains(update.getVariableName());
  }
}
