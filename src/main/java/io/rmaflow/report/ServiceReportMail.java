package io.rmaflow.report;

import io.rmaflow.contract.ContractFile;
import io.rmaflow.contract.ServiceContract;
import io.rmaflow.notification.CustomerNotice;
import io.rmaflow.notification.CustomerNotifier;
import io.rmaflow.notification.NotificationService;
import io.rmaflow.process.StepKey;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The report to the customer: an e-mail in their language with the month's figures and the
 * chart as an inline image. It goes out once per contract and month, however often the step
 * that sends it runs, or an administrator produces the report again.
 */
@Component
class ServiceReportMail {

  static final String TEMPLATE = "service-report";
  static final String TYPE = "CONTRACT_MONTHLY_REPORT";
  static final String CHART = "report-chart";

  private final NotificationService notifications;
  private final ContractFile contracts;
  private final ReportChart chart;

  ServiceReportMail(NotificationService notifications, ContractFile contracts, ReportChart chart) {
    this.notifications = notifications;
    this.contracts = contracts;
    this.chart = chart;
  }

  /** The one step key of a contract's report for a month: whoever sends it, it is sent once. */
  static StepKey stepKey(String contractNumber, String month) {
    return new StepKey("service-report/" + contractNumber + "/" + month);
  }

  void send(ServiceReport report) {
    CustomerNotifier.Delivery delivery = notifications.send(stepKey(report.contractNumber(), report.month()),
        () -> notice(report));
    contracts.recordServiceReport(report.contractNumber(), report.month() + ": "
        + NotificationService.describe(TYPE, delivery));
  }

  private CustomerNotice notice(ServiceReport report) {
    ServiceContract contract = contracts.get(report.contractNumber());
    String locale = contract.customer().localeOrDefault();
    Map<String, Object> model = new HashMap<>();
    model.put("report", report);
    model.put("contractNumber", report.contractNumber());
    model.put("customerName", contract.customer().name());
    model.put("chart", CHART);
    model.put("complaintsInTime", report.complaintsInTime());
    return new CustomerNotice(TYPE, report.contractNumber(), contract.customer().email(), locale, TEMPLATE, model,
        List.of(new CustomerNotice.InlineImage(CHART, "image/png", chart.png(report, Locale.forLanguageTag(locale)))));
  }
}
