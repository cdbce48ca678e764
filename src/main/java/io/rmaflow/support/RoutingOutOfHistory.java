package io.rmaflow.support;

import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.stereotype.Component;

/**
 * No activity instances of the gateways that only route (exclusive, parallel, inclusive): they
 * take no time, and the path a case took shows in the tasks, events and variables after them.
 * They were a third of a closed case's activity instances. Event-based gateways wait, and stay.
 */
@Component
public class RoutingOutOfHistory implements OutOfHistory {

  private static final Set<String> ROUTING = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_PARALLEL,
      ActivityTypes.GATEWAY_INCLUSIVE);

  @Override
  public boolean keepsOut(HistoryEvent event) {
    return event instanceof HistoricActivityInstanceEventEntity activity && ROUTING.contains(activity.getActivityType());
  }
}
