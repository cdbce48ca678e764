package io.rmaflow.report;

import io.rmaflow.process.RmaProcess.Groups;
import io.rmaflow.support.FormTask;
import io.rmaflow.support.ProcessVariable;
import java.util.List;
import java.util.Optional;

/**
 * The names the {@code service-report} model shares with code, forms and tests; checked against
 * the model by {@code ReportProcessNamesTest}. The process runs every hour; a run that finds
 * reports due makes each, one per contract; its {@code reportMonth} says which month.
 */
public final class ReportProcess {

  public static final String KEY = "service-report";
  public static final String RESOURCE = "bpmn/service-report.bpmn";

  private ReportProcess() {}

  /** Ids of the model's events, gateways, subprocesses and automatic tasks. User tasks: {@link UserTask}. */
  public static final class Elements {
    public static final String START = "StartEvent_ReportRun";
    public static final String CLAIM_DUE_REPORTS = "Task_ClaimDueReports";
    public static final String REPORTS_DUE = "Gateway_ReportsDue";
    public static final String END_NO_REPORT_DUE = "EndEvent_NoReportDue";
    public static final String CONTRACT_REPORT = "SubProcess_ContractReport";
    public static final String COMPILE_REPORT = "Task_CompileReport";
    public static final String SEND_REPORT = "Task_SendReport";
    public static final String BELOW_TARGET = "Gateway_BelowTarget";
    public static final String END_TARGETS_MET = "EndEvent_TargetsMet";
    public static final String RECORD_REVIEW = "Task_RecordReview";
    public static final String END_REPORT_REVIEWED = "EndEvent_ReportReviewed";
    public static final String END_REPORTS_MADE = "EndEvent_ReportsMade";

    private Elements() {}
  }

  /** The report's user task: id (= task definition key), group, form and the variables it collects. */
  public enum UserTask implements FormTask {
    REVIEW_SERVICE_REPORT("reviewServiceReport", Groups.SERVICE_MANAGERS, List.of(Variables.REVIEW_NOTE));

    private final Definition definition;

    UserTask(String id, String candidateGroup, List<ProcessVariable<?>> outputs) {
      this.definition = new Definition(id, candidateGroup, outputs);
    }

    @Override
    public Definition definition() {
      return definition;
    }

    public static Optional<UserTask> byId(String id) {
      return FormTask.byId(values(), id);
    }
  }

  /** Typed accessors of the process variables. */
  public static final class Variables {
    // The run: the month reported and the contracts whose reports it makes (comma-separated)
    public static final ProcessVariable<String> REPORT_MONTH = ProcessVariable.of("reportMonth", String.class);
    public static final ProcessVariable<String> REPORT_CONTRACTS = ProcessVariable.of("reportContracts", String.class);
    public static final ProcessVariable<Boolean> REPORTS_DUE = ProcessVariable.of("reportsDue", Boolean.class);
    // Local to each contract's report
    public static final ProcessVariable<String> CONTRACT_NUMBER = ProcessVariable.of("contractNumber", String.class);
    public static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
    public static final ProcessVariable<String> PLAN = ProcessVariable.of("plan", String.class);
    public static final ProcessVariable<Boolean> BELOW_TARGET = ProcessVariable.of("belowTarget", Boolean.class);
    public static final ProcessVariable<String> REPORT_SUMMARY = ProcessVariable.of("reportSummary", String.class);
    public static final ProcessVariable<String> REVIEW_NOTE = ProcessVariable.of("reviewNote", String.class);

    private Variables() {}
  }
}
