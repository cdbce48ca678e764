package io.rmaflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.process.ModelNames;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** Every name {@link ContractProcess} gives the code is one the models in {@code bpmn/} and {@code forms/} use. */
class ContractProcessNamesTest {

  static final BpmnModelInstance MODEL = ModelNames.model(ContractProcess.RESOURCE);

  @Test
  void theProcessKeyIsTheModelsProcessId() {
    assertThat(MODEL.getModelElementsByType(Process.class)).extracting(Process::getId).containsExactly(ContractProcess.KEY);
  }

  @Test
  void everyElementConstantNamesAnElementOfTheModel() {
    assertThat(ModelNames.stringConstants(ContractProcess.Elements.class)).isNotEmpty()
        .isSubsetOf(ModelNames.elementIds(MODEL));
  }

  @Test
  void everyUserTaskOfTheContractIsAUserTaskOfTheModel() {
    assertThat(Arrays.stream(ContractProcess.UserTask.values()).map(ContractProcess.UserTask::id).toList())
        .isSubsetOf(ModelNames.elementIds(MODEL));
  }

  @Test
  void theMessageConstantsAreExactlyTheMessagesTheModelWaitsFor() {
    Set<String> caught = new HashSet<>();
    MODEL.getModelElementsByType(MessageEventDefinition.class).stream()
        .filter(definition -> definition.getCamundaDelegateExpression() == null)
        .forEach(definition -> caught.add(definition.getMessage().getName()));

    assertThat(ModelNames.stringConstants(ContractProcess.Messages.class)).isSubsetOf(ModelNames.messageNames(MODEL))
        .containsExactlyInAnyOrderElementsOf(caught);
  }

  @Test
  void everyVariableConstantIsReadOrWrittenByAModelOrAForm() {
    Set<String> used = ModelNames.variablesUsedBy(ContractProcess.RESOURCE, List.of(ContractProcess.UserTask.values()));

    assertThat(ModelNames.declaredVariables(ContractProcess.Variables.class).keySet()).isNotEmpty()
        .allSatisfy(variable -> assertThat(used).as("variables the models and forms use").contains(variable));
  }
}
