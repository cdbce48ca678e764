package io.rmaflow.tasklist;

import io.rmaflow.support.ProcessVariable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the copies {@link TaskListing} puts on each task (the case's facts and recent history,
 * for Tasklist's list and forms) out of the engine's history. They repeat what the process
 * variables and the case file already keep, and would otherwise be a fifth of what a closed
 * case leaves in the database (ADR 14).
 */
@Component
public class ListingCopiesOutOfHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    HistoryEventHandler handler = configuration.getHistoryEventHandler() != null
        ? configuration.getHistoryEventHandler()
        : new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers());
    configuration.setHistoryEventHandler(new Filter(handler, TaskListing.COPIED.stream()
        .map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet())));
  }

  record Filter(HistoryEventHandler next, Set<String> copied) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isCopy(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      next.handleEvents(events.stream().filter(event -> !isCopy(event)).toList());
    }

    private boolean isCopy(HistoryEvent event) {
      return event instanceof HistoricVariableUpdateEventEntity update
          && update.getTaskId() != null
          && copied.contains(update.getVariableName());
    }
  }
}
