package io.rmaflow.support;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link OutOfHistory} beans in front of the engine's history handler, so their events
 * are never written (ADR 14, ADR 28). The history level stays {@code audit}: a database keeps
 * its stored level, and every other event is written as the level says.
 */
@Component
public class HistoryFilterPlugin extends AbstractProcessEnginePlugin {

  private final List<OutOfHistory> exclusions;

  public HistoryFilterPlugin(List<OutOfHistory> exclusions) {
    this.exclusions = List.copyOf(exclusions);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    HistoryEventHandler handler = configuration.getHistoryEventHandler() != null
        ? configuration.getHistoryEventHandler()
        : new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers());
    configuration.setHistoryEventHandler(new Filter(handler, exclusions));
  }

  record Filter(HistoryEventHandler next, List<OutOfHistory> exclusions) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (kept(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      next.handleEvents(events.stream().filter(this::kept).toList());
    }

    // Runs for every history event the engine produces: a plain loop, no stream per event.
    private boolean kept(HistoryEvent event) {
      for (OutOfHistory exclusion : exclusions) {
        if (exclusion.keepsOut(event)) {
          return false;
        }
      }
      return true;
    }
  }
}
