package io.rmaflow.warranty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A decision table from {@code bpmn/}, evaluated on its own by the DMN engine the process
 * engine uses (FEEL), remembering which rules matched so a test can prove it hit them all.
 */
public final class DecisionTable {

  private final DmnEngine engine;
  private final DmnDecision decision;
  private final Set<String> matchedRules = new HashSet<>();

  public DecisionTable(String key) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
      }
    }));
    engine = configuration.buildEngine();
    try (InputStream model = DecisionTable.class.getClassLoader().getResourceAsStream("bpmn/" + key + ".dmn")) {
      decision = engine.parseDecision(key, model);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Evaluates with the given inputs (null values allowed) and returns the single result. */
  public DmnDecisionResultEntries evaluate(Map<String, Object> inputs) {
    return engine.evaluateDecision(decision, Variables.fromMap(new HashMap<>(inputs))).getSingleResult();
  }

  public void assertEveryRuleMatched() {
    List<String> ruleIds = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().stream()
        .map(DmnDecisionTableRuleImpl::getId).toList();
    assertThat(matchedRules).as("rules of %s matched by the tests", decision.getKey())
        .containsExactlyInAnyOrderElementsOf(ruleIds);
  }

  public static Map<String, Object> inputs(Object... namesAndValues) {
    Map<String, Object> inputs = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      inputs.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return inputs;
  }
}
