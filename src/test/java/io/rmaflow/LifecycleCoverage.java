package io.rmaflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.process.RmaProcess;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * The lifecycle tests' coverage gate: records every flow node the lifecycle enters and every
 * sequence flow it takes, so the path tests can prove they reach the whole model. The
 * process-test-coverage library draws the report; this makes 100% a rule that fails the build.
 */
@TestComponent
public class LifecycleCoverage {

  private static final Set<String> REACHED = ConcurrentHashMap.newKeySet();

  @EventListener
  public void on(DelegateExecution execution) {
    if (!execution.getProcessDefinitionId().startsWith(RmaProcess.KEY + ":")) {
      return;
    }
    if ("take".equals(execution.getEventName()) && execution.getCurrentTransitionId() != null) {
      REACHED.add(execution.getCurrentTransitionId());
    } else if ("start".equals(execution.getEventName()) && execution.getCurrentActivityId() != null) {
      REACHED.add(execution.getCurrentActivityId());
    }
  }

  public static void reset() {
    REACHED.clear();
  }

  /** Fails naming every flow node and sequence flow of the lifecycle that was not reached. */
  public static void assertWholeModelReached() {
    BpmnModelInstance model;
    try (InputStream stream = LifecycleCoverage.class.getClassLoader().getResourceAsStream(RmaProcess.RESOURCE)) {
      model = Bpmn.readModelFromStream(stream);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Set<String> elements = new TreeSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
    // The engine takes an event-based gateway's flow without a take event: when its target event fires.
    Set<String> reached = new TreeSet<>(REACHED);
    model.getModelElementsByType(SequenceFlow.class).stream()
        .filter(flow -> flow.getSource() instanceof EventBasedGateway && REACHED.contains(flow.getTarget().getId()))
        .forEach(flow -> reached.add(flow.getId()));
    Set<String> missed = elements.stream().filter(id -> !reached.contains(id)).collect(Collectors.toCollection(TreeSet::new));
    assertThat(missed).as("flow nodes and sequence flows of %s no test reached (of %d)", RmaProcess.KEY, elements.size())
        .isEmpty();
  }
}
