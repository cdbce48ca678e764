package io.rmaflow.report;

import static io.rmaflow.report.ReportProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The hourly run's first step: the reports due now, claimed for this run. */
@Component
public class ClaimDueReportsDelegate implements JavaDelegate {

  private final ServiceReportService reports;

  ClaimDueReportsDelegate(ServiceReportService reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceReportService.DueReports due = reports.claimDueReports();
    REPORT_MONTH.set(execution, due.month().toString());
    REPORT_CONTRACTS.set(execution, ReportRun.join(due.contractNumbers()));
    REPORTS_DUE.set(execution, !due.contractNumbers().isEmpty());
  }
}
