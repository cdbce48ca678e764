package io.rmaflow.notification;

import static io.rmaflow.process.RmaProcess.UserTask.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.TestClock;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.process.Applications;
import io.rmaflow.process.LifecycleDriver;
import io.rmaflow.process.RmaProcess.Elements;
import io.rmaflow.repair.PaymentService;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.shipping.ShipInService;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@RmaSpringBootTest
class StepKeyTest {

  @Autowired LifecycleDriver driver;
  @Autowired ShipInService shipIn;
  @Autowired PaymentService payments;
  @Autowired CaseFile caseFile;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  @Test
  void aNoticeStepKeepsItsKeyWhenAParallelBranchEndsAndItsExecutionIsMergedAway() {
    String rma = driver.submit(Applications.withInvoice(TestClock.today().minusYears(2))).getBusinessKey();
    driver.complete(rma, REMOTE_DIAGNOSIS, Map.of("remoteOutcome", "SEND_IN"));
    shipIn.reportArrival(rma, "SF1");
    driver.complete(rma, INSPECT_PARCEL, Map.of("parcelCondition", "INTACT", "serialMatches", true));
    driver.complete(rma, DIAGNOSE_FAULT, Map.of("faultCause", "MANUFACTURING_DEFECT", "proofOfPurchaseValid", true,
        "repairMethod", "PART_REPLACEMENT", "partsCost", 100, "labourCost", 50));
    payments.receive(rma, "PAY-" + rma, caseFile.get(rma).quote().gross(), "CNY");
    Job confirmation = confirmationJob(rma);

    // Finance issues the invoice before the payment confirmation went out: its branch ends.
    taskService.complete(driver.task(rma, ISSUE_INVOICE).getId(), Map.of("vatInvoiceNumber", "VAT-" + rma));
    Job merged = confirmationJob(rma);
    managementService.executeJob(merged.getId());

    assertThat(merged.getId()).isEqualTo(confirmation.getId());
    assertThat(merged.getExecutionId()).as("the step's execution after the merge").isNotEqualTo(confirmation.getExecutionId());
    assertThat(jdbc.sql("SELECT notice_key FROM customer_notice WHERE reference = ? AND notice_type = 'PAYMENT_RECEIVED'")
        .param(rma).query(String.class).single())
        .isEqualTo(confirmation.getProcessInstanceId() + "/" + Elements.CONFIRM_PAYMENT + "/job:" + confirmation.getId());
  }

  private Job confirmationJob(String rma) {
    return managementService.createJobQuery().processInstanceId(driver.processInstanceId(rma))
        .activityId(Elements.CONFIRM_PAYMENT).singleResult();
  }
}
