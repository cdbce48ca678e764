package io.rmaflow.report;

import static io.rmaflow.report.ReportProcess.Variables.*;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The report to the customer, by e-mail with its chart. */
@Component
public class SendServiceReportDelegate implements JavaDelegate {

  private final ServiceReportService reports;

  SendServiceReportDelegate(ServiceReportService reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.send(CONTRACT_NUMBER.get(execution), YearMonth.parse(REPORT_MONTH.get(execution)));
  }
}
