package io.rmaflow.support;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;

/**
 * A kind of history event the engine need not write, because what it records is kept elsewhere
 * or says nothing an auditor would read. Each module names its own as a bean;
 * {@link HistoryFilterPlugin} keeps all of them out of the engine's history tables.
 */
@FunctionalInterface
public interface OutOfHistory {

  boolean keepsOut(HistoryEvent event);
}
