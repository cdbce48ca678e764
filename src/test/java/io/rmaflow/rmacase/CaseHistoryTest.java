package io.rmaflow.rmacase;

import static io.rmaflow.process.RmaProcess.UserTask.*;
import static io.rmaflow.process.RmaProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.TestClock;
import io.rmaflow.contract.ContractProcess;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess;
import io.rmaflow.support.ProcessVariable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a closed case leaves in the engine's history, and what only its case file keeps (ADR 28). */
@RmaSpringBootTest
class CaseHistoryTest {

  @Autowired LifecycleDriver driver;
  @Autowired HistoryService historyService;
  @Autowired CaseFile cases;
  @Autowired CaseFileCopiesOutOfHistory caseFileCopies;

  @Test
  void aClosedCaseKeepsTheStaffsResultsAndItsStepsInHistoryAndItsFiledFactsAndRoutingGatewaysOnlyWhereTheyAreKept() {
    LocalDate invoiceDate = TestClock.today().minusMonths(2);
    String rma = driver.submit(Applications.withInvoice(invoiceDate)).getBusinessKey();
    String instance = driver.processInstanceId(rma);
    driver.sendIn(rma);
    driver.receiveIntact(rma);
    driver.diagnose(rma, "MANUFACTURING_DEFECT", true);
    driver.complete(rma, REPAIR_DEVICE, Map.of(REPAIR_METHOD.name(), "PART_REPLACEMENT", REPLACED_PARTS.name(), "MB-X200"));
    driver.complete(rma, QUALITY_CHECK, Map.of(QUALITY_PASSED.name(), true));
    driver.complete(rma, SHIP_DEVICE, Map.of(RETURN_CARRIER.name(), "YTO", RETURN_TRACKING_NUMBER.name(), "YT-RETURN-1"));
    assertThat(driver.processInstance(rma)).as("closed").isNull();

    Map<String, Object> history = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list()
        .stream().filter(variable -> variable.getValue() != null && variable.getActivityInstanceId().equals(instance))
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
    assertThat(history).as("the staff's results and the decision")
        .containsEntry("remoteOutcome", "SEND_IN").containsEntry("parcelCondition", "INTACT")
        .containsEntry("faultCause", "MANUFACTURING_DEFECT").containsEntry("coverage", "FREE")
        .containsEntry("qualityPassed", true).containsEntry("returnTrackingNumber", "YT-RETURN-1")
        .containsEntry("resolution", "REPAIRED");
    assertThat(history).as("the case file's copies").doesNotContainKeys(
        RmaProcess.Variables.CASE_FILE_COPIES.stream().map(ProcessVariable::name).toArray(String[]::new));
    assertThat(history).doesNotContainKeys("customerName", "invoiceDate", "warrantyStart");

    RmaCase closed = cases.get(rma);
    assertThat(closed.customer().name()).isEqualTo("Li Wei");
    assertThat(closed.invoiceDate()).isEqualTo(invoiceDate);
    assertThat(closed.warranty().start()).isEqualTo(invoiceDate);
    assertThat(closed.warranty().end()).isEqualTo(invoiceDate.plusMonths(12).minusDays(1));

    List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance).list();
    assertThat(activities).extracting(HistoricActivityInstance::getActivityId).as("the steps a case took")
        .contains(DIAGNOSE_FAULT.id(), RmaProcess.Elements.DECIDE_COVERAGE, SHIP_DEVICE.id(),
            RmaProcess.Elements.END_DEVICE_RETURNED);
    Map<String, Long> steps = activities.stream()
        .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityType, Collectors.counting()));
    assertThat(steps).containsEntry("userTask", 6L).containsEntry("businessRuleTask", 3L);
    assertThat(steps).as("the gateways that only route").doesNotContainKeys("exclusiveGateway", "parallelGateway",
        "inclusiveGateway");
  }

  @Test
  void aContractsVariablesOfTheSameNamesStayInHistory() {
    assertThat(caseFileCopies.keepsOut(variable(RmaProcess.KEY, "invoiceNumber"))).isTrue();
    assertThat(caseFileCopies.keepsOut(variable(ContractProcess.KEY, "invoiceNumber"))).isFalse();
    assertThat(caseFileCopies.keepsOut(variable(ContractProcess.KEY, "customerName"))).isFalse();
  }

  private static HistoricVariableUpdateEventEntity variable(String processKey, String name) {
    HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
    event.setProcessDefinitionKey(processKey);
    event.setVariableName(name);
    return event;
  }
}
