package io.rmaflow.report;

import static io.rmaflow.report.ReportProcess.Variables.*;

import io.rmaflow.contract.ContractFile;
import io.rmaflow.contract.ServiceContract;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One contract's report: its figures, kept; whether it fell short, for the model's gateway and the review. */
@Component
public class CompileServiceReportDelegate implements JavaDelegate {

  private final ServiceReportService reports;
  private final ContractFile contracts;

  CompileServiceReportDelegate(ServiceReportService reports, ContractFile contracts) {
    this.reports = reports;
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String contractNumber = CONTRACT_NUMBER.get(execution);
    ServiceReport report = reports.compile(contractNumber, YearMonth.parse(REPORT_MONTH.get(execution)));
    ServiceContract contract = contracts.get(contractNumber);
    // Local to this contract's report: the run makes several side by side.
    execution.setVariableLocal(BELOW_TARGET.name(), report.belowTarget());
    execution.setVariableLocal(REPORT_SUMMARY.name(), ServiceReportService.summary(report));
    execution.setVariableLocal(CUSTOMER_NAME.name(), contract.customer().name());
    execution.setVariableLocal(PLAN.name(), contract.plan().name());
  }
}
