package io.rmaflow.tasklist;

import static io.rmaflow.process.RmaProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.TestClock;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.UserTask;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RmaSpringBootTest
class ListingCopiesOutOfHistoryTest {

  @Autowired LifecycleDriver driver;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void aTaskCarriesTheCasesFactsAndHistoryForTasklistButTheEngineHistoryKeepsOnlyTheProcessVariables() {
    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusMonths(1))).getBusinessKey();
    Task triage = driver.task(rma, UserTask.REMOTE_DIAGNOSIS);

    assertThat(taskService.getVariablesLocal(triage.getId()))
        .containsKeys(RMA_NUMBER.name(), CUSTOMER_NAME.name(), PRODUCT_MODEL.name(), PRIORITY.name(), CASE_HISTORY.name());
    assertThat((String) taskService.getVariableLocal(triage.getId(), CASE_HISTORY.name())).contains("Status changed: SUBMITTED");
    driver.complete(rma, UserTask.REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));

    String instance = driver.processInstanceId(rma);
    assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(triage.getId()).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(RESPONSE_DUE_BY.name()).count()).as("a process variable the case file does not hold").isOne();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("remoteOutcome").singleResult().getValue()).isEqualTo("SEND_IN");
  }
}
