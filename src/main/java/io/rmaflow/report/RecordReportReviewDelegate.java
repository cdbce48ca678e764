package io.rmaflow.report;

import static io.rmaflow.report.ReportProcess.Variables.*;

import io.rmaflow.contract.ContractFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** What the service manager decided about a month below target, in the contract's timeline. */
@Component
public class RecordReportReviewDelegate implements JavaDelegate {

  private final ContractFile contracts;

  RecordReportReviewDelegate(ContractFile contracts) {
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    contracts.recordServiceReport(CONTRACT_NUMBER.get(execution), REPORT_MONTH.get(execution) + " reviewed: "
        + REVIEW_NOTE.get(execution));
  }
}
