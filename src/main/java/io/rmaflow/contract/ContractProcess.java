package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import io.rmaflow.process.RmaProcess.Groups;
import io.rmaflow.support.FormTask;
import io.rmaflow.support.ProcessVariable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The names the {@code service-contract} model shares with code, forms, REST and tests: process
 * key, element ids, message names, user tasks and typed variables. Nothing else in the code base
 * spells them out; {@code ContractProcessNamesTest} checks them against the model.
 */
public final class ContractProcess {

  public static final String KEY = "service-contract";
  public static final String RESOURCE = "bpmn/service-contract.bpmn";

  private ContractProcess() {}

  /** Message names of the contract. */
  public static final class Messages {
    public static final String PAYMENT_RECEIVED = "ContractPaymentReceived";
    public static final String EXTENSION_REQUESTED = "ContractExtensionRequested";

    private Messages() {}
  }

  /** Ids of the model's events, gateways, subprocesses and automatic tasks. User tasks: {@link UserTask}. */
  public static final class Elements {
    public static final String START = "StartEvent_ContractRegistered";
    public static final String CONFIRM_REGISTRATION = "Task_ConfirmRegistration";
    public static final String AWAIT_FIRST_PAYMENT = "Gateway_AwaitFirstPayment";
    public static final String CONTRACT_ACTIVATED = "Event_ContractActivated";
    public static final String PAYMENT_DEADLINE_TIMER = "Timer_PaymentDeadline";
    public static final String AUDIT_DECIDED = "Event_AuditDecided";
    public static final String ACTIVATE_CONTRACT = "Task_ActivateContract";
    public static final String TERM = "SubProcess_Term";
    public static final String OPEN_NEXT_PERIOD = "Task_OpenNextPeriod";
    public static final String PERIOD_DUE_SOON_TIMER = "Timer_PeriodDueSoon";
    public static final String SEND_PERIOD_DUE = "Task_SendPeriodDue";
    public static final String PERIOD_OVERDUE_TIMER = "Timer_PeriodOverdue";
    public static final String SEND_PERIOD_OVERDUE = "Task_SendPeriodOverdue";
    public static final String SUSPENSION_TIMER = "Timer_SuspensionDue";
    public static final String SUSPEND_CONTRACT = "Task_SuspendContract";
    public static final String TERM_BILLED = "EndEvent_TermBilled";
    public static final String RENEWAL_REMINDER_TIMER = "Timer_RenewalReminder";
    public static final String SEND_RENEWAL_REMINDER = "Task_SendRenewalReminder";
    public static final String LAST_RENEWAL_REMINDER_TIMER = "Timer_LastRenewalReminder";
    public static final String SEND_LAST_RENEWAL_REMINDER = "Task_SendLastRenewalReminder";
    public static final String AWAIT_TERM_END = "Gateway_AwaitTermEnd";
    public static final String TERM_ENDS_TIMER = "Timer_TermEnds";
    public static final String EXTENSION_REQUESTED = "Event_ExtensionRequested";
    public static final String RECORD_EXTENSION_DECISION = "Task_RecordExtensionDecision";
    public static final String END_TERM = "Task_EndTerm";
    public static final String END_CANCELLED_UNPAID = "EndEvent_CancelledUnpaid";
    public static final String END_ENDED = "EndEvent_Ended";
    public static final String END_EXPIRED = "EndEvent_Expired";
    public static final String PAYMENT_SUBPROCESS = "SubProcess_PaymentReceived";
    public static final String CONFIRM_PAYMENT = "Task_ConfirmContractPayment";
    public static final String APPROVE_PAYMENT = "Task_ApprovePayment";
    public static final String REFUSE_PAYMENT = "Task_RefusePayment";
    public static final String END_INVOICE_ISSUED = "EndEvent_InvoiceIssued";
    public static final String END_PAYMENT_REFUSED = "EndEvent_PaymentRefused";

    private Elements() {}
  }

  /** The contract's user tasks: id (= task definition key), group, form and the variables it collects. */
  public enum UserTask implements FormTask {
    AUDIT_CONTRACT_PAYMENT("auditContractPayment", Groups.FINANCE, List.of(PAYMENT_APPROVED, AUDIT_NOTE)),
    ISSUE_CONTRACT_INVOICE("issueContractInvoice", Groups.FINANCE, List.of(INVOICE_NUMBER)),
    REVIEW_EXTENSION("reviewExtension", Groups.SERVICE_MANAGERS, List.of(EXTENSION_APPROVED));

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
    // Set at registration; what Tasklist lists and routing reads
    public static final ProcessVariable<String> CONTRACT_NUMBER = ProcessVariable.of("contractNumber", String.class);
    public static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
    public static final ProcessVariable<ContractPlan> PLAN = ProcessVariable.of("plan", ContractPlan.class);
    /** Moved over from the customer's former system with periods already paid: in service at once. */
    public static final ProcessVariable<Boolean> MOVED_OVER = ProcessVariable.of("movedOver", Boolean.class);
    public static final ProcessVariable<OffsetDateTime> ACTIVATION_DUE_BY =
        ProcessVariable.of("activationDueBy", OffsetDateTime.class);
    /** Kept in step with the contract file; conditional events wait on it. */
    public static final ProcessVariable<ContractStatus> CONTRACT_STATUS =
        ProcessVariable.of("contractStatus", ContractStatus.class);
    /** The last day paid for (payments settle periods in order); null before any. */
    public static final ProcessVariable<LocalDate> PAID_THROUGH = ProcessVariable.of("paidThrough", LocalDate.class);

    // Billing: the period the term is at
    public static final ProcessVariable<PeriodStage> PERIOD_STAGE = ProcessVariable.of("periodStage", PeriodStage.class);
    public static final ProcessVariable<LocalDate> PERIOD_TO = ProcessVariable.of("periodTo", LocalDate.class);
    public static final ProcessVariable<OffsetDateTime> PERIOD_NOTICE_AT =
        ProcessVariable.of("periodNoticeAt", OffsetDateTime.class);
    public static final ProcessVariable<OffsetDateTime> PERIOD_OVERDUE_AT =
        ProcessVariable.of("periodOverdueAt", OffsetDateTime.class);
    public static final ProcessVariable<OffsetDateTime> PERIOD_SUSPEND_AT =
        ProcessVariable.of("periodSuspendAt", OffsetDateTime.class);

    // The term and its end
    public static final ProcessVariable<RenewalDecision> RENEWAL = ProcessVariable.of("renewal", RenewalDecision.class);
    public static final ProcessVariable<OffsetDateTime> RENEWAL_REMINDER_AT =
        ProcessVariable.of("renewalReminderAt", OffsetDateTime.class);
    public static final ProcessVariable<OffsetDateTime> LAST_RENEWAL_REMINDER_AT =
        ProcessVariable.of("lastRenewalReminderAt", OffsetDateTime.class);
    public static final ProcessVariable<OffsetDateTime> TERM_ENDS_AT = ProcessVariable.of("termEndsAt", OffsetDateTime.class);
    public static final ProcessVariable<TermOutcome> TERM_OUTCOME = ProcessVariable.of("termOutcome", TermOutcome.class);
    /** Input of the closing end events: the status the contract ends in. */
    public static final ProcessVariable<ContractStatus> CONTRACT_RESOLUTION =
        ProcessVariable.of("contractResolution", ContractStatus.class);

    // A payment, local to its event subprocess
    public static final ProcessVariable<String> PAYMENT_REFERENCE = ProcessVariable.of("paymentReference", String.class);
    public static final ProcessVariable<BigDecimal> PAYMENT_AMOUNT = ProcessVariable.of("paymentAmount", BigDecimal.class);
    public static final ProcessVariable<String> PAYMENT_CURRENCY = ProcessVariable.of("paymentCurrency", String.class);
    /** What the payment settles, in words, for the audit form. */
    public static final ProcessVariable<String> PAYMENT_COVERS = ProcessVariable.of("paymentCovers", String.class);
    public static final ProcessVariable<Boolean> PAYMENT_APPROVED = ProcessVariable.of("paymentApproved", Boolean.class);
    public static final ProcessVariable<String> AUDIT_NOTE = ProcessVariable.of("auditNote", String.class);
    public static final ProcessVariable<String> INVOICE_NUMBER = ProcessVariable.of("invoiceNumber", String.class);

    // An extension request, local to its path
    public static final ProcessVariable<String> EXTENSION_REASON = ProcessVariable.of("extensionReason", String.class);
    public static final ProcessVariable<LocalDate> EXTENSION_UNTIL = ProcessVariable.of("extensionUntil", LocalDate.class);
    public static final ProcessVariable<Boolean> EXTENSION_APPROVED = ProcessVariable.of("extensionApproved", Boolean.class);

    /** Input of the notice tasks: which contract notice to send. */
    public static final ProcessVariable<String> NOTICE = ProcessVariable.of("notice", String.class);

    private Variables() {}
  }
}
