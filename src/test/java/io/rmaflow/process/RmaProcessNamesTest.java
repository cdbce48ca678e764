package io.rmaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.process.RmaProcess.UserTask;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.junit.jupiter.api.Test;

/** Every name {@link RmaProcess} gives the code is one the models in {@code bpmn/} and {@code forms/} use. */
class RmaProcessNamesTest {

  static final BpmnModelInstance MODEL = ModelNames.model(RmaProcess.RESOURCE);

  @Test
  void theProcessKeyIsTheModelsProcessId() {
    assertThat(MODEL.getModelElementsByType(Process.class)).extracting(Process::getId).containsExactly(RmaProcess.KEY);
  }

  @Test
  void everyElementConstantNamesAnElementOfTheModel() {
    assertThat(ModelNames.stringConstants(RmaProcess.Elements.class)).isNotEmpty()
        .isSubsetOf(ModelNames.elementIds(MODEL));
  }

  @Test
  void everyUserTaskOfTheContractIsAUserTaskOfTheModel() {
    assertThat(Arrays.stream(UserTask.values()).map(UserTask::id).toList()).isSubsetOf(ModelNames.elementIds(MODEL));
  }

  @Test
  void theMessageConstantsAreExactlyTheMessagesTheModelWaitsFor() {
    Set<String> caught = new java.util.HashSet<>();
    MODEL.getModelElementsByType(MessageEventDefinition.class).stream()
        .filter(definition -> definition.getCamundaDelegateExpression() == null)
        .forEach(definition -> caught.add(definition.getMessage().getName()));
    MODEL.getModelElementsByType(ReceiveTask.class).forEach(task -> caught.add(task.getMessage().getName()));

    assertThat(ModelNames.stringConstants(RmaProcess.Messages.class)).isSubsetOf(ModelNames.messageNames(MODEL))
        .containsExactlyInAnyOrderElementsOf(caught);
  }

  @Test
  void everyVariableConstantIsReadOrWrittenByAModelOrAForm() {
    Set<String> used = ModelNames.variablesUsedBy(RmaProcess.RESOURCE, List.of(RmaProcess.UserTask.values()));

    assertThat(ModelNames.declaredVariables(RmaProcess.Variables.class).keySet()).isNotEmpty()
        .allSatisfy(variable -> assertThat(used).as("variables the models and forms use").contains(variable));
  }
}
