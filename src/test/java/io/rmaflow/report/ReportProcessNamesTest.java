package io.rmaflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.process.ModelNames;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** Every name {@link ReportProcess} gives the code is one the models in {@code bpmn/} and {@code forms/} use. */
class ReportProcessNamesTest {

  static final BpmnModelInstance MODEL = ModelNames.model(ReportProcess.RESOURCE);

  @Test
  void theProcessKeyIsTheModelsProcessId() {
    assertThat(MODEL.getModelElementsByType(Process.class)).extracting(Process::getId).containsExactly(ReportProcess.KEY);
  }

  @Test
  void everyElementConstantNamesAnElementOfTheModel() {
    assertThat(ModelNames.stringConstants(ReportProcess.Elements.class)).isNotEmpty()
        .isSubsetOf(ModelNames.elementIds(MODEL));
  }

  @Test
  void everyUserTaskOfTheReportIsAUserTaskOfTheModel() {
    assertThat(Arrays.stream(ReportProcess.UserTask.values()).map(ReportProcess.UserTask::id).toList())
        .isSubsetOf(ModelNames.elementIds(MODEL));
  }

  @Test
  void theModelWaitsForNoMessage() {
    assertThat(MODEL.getModelElementsByType(MessageEventDefinition.class)).isEmpty();
  }

  @Test
  void everyVariableConstantIsReadOrWrittenByAModelOrAForm() {
    Set<String> used = ModelNames.variablesUsedBy(ReportProcess.RESOURCE, List.of(ReportProcess.UserTask.values()));

    assertThat(ModelNames.declaredVariables(ReportProcess.Variables.class).keySet()).isNotEmpty()
        .allSatisfy(variable -> assertThat(used).as("variables the models and forms use").contains(variable));
  }
}
