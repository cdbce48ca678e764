package io.rmaflow.process;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.product.ProductCategory;
import io.rmaflow.product.SalesChannel;
import io.rmaflow.support.FormTask;
import io.rmaflow.support.ProcessVariable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The names the lifecycle model shares with code, forms, REST and tests: process key,
 * element ids, message names, groups, user tasks and typed variables. Nothing else in the
 * code base spells them out.
 */
public final class RmaProcess {

  public static final String KEY = "rma-lifecycle";
  public static final String RESOURCE = "bpmn/rma-lifecycle.bpmn";

  private RmaProcess() {}

  /** Message names of the contract. */
  public static final class Messages {
    public static final String DEVICE_SHIPPED = "DeviceShipped";
    public static final String PARCEL_ARRIVED = "ParcelArrived";
    public static final String PROOF_SUBMITTED = "ProofSubmitted";
    public static final String QUOTE_DECLINED = "QuoteDeclined";
    public static final String PAYMENT_RECEIVED = "PaymentReceived";
    public static final String COMPLAINT_FILED = "ComplaintFiled";
    public static final String CANCELLATION_REQUESTED = "CancellationRequested";

    private Messages() {}
  }

  /** Candidate groups of the contract's actors. */
  public static final class Groups {
    public static final String SERVICE_DESK = "service-desk";
    public static final String RECEIVING = "receiving";
    public static final String TECHNICIANS = "technicians";
    public static final String QUALITY = "quality";
    public static final String FINANCE = "finance";
    public static final String LOGISTICS = "logistics";
    public static final String FIELD_SERVICE = "field-service";
    public static final String SERVICE_MANAGERS = "service-managers";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String API_CLIENTS = "api-clients";
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Groups that work tasks in Tasklist. */
    public static final List<String> STAFF = List.of(
        SERVICE_DESK, RECEIVING, TECHNICIANS, QUALITY, FINANCE, LOGISTICS, FIELD_SERVICE, SERVICE_MANAGERS);

    private Groups() {}
  }

  /** Ids of the model's events, gateways and automatic tasks. User tasks: {@link UserTask}. */
  public static final class Elements {
    public static final String START = "StartEvent_RmaSubmitted";
    public static final String CONFIRM_SUBMISSION = "Task_ConfirmSubmission";
    public static final String CHECK_ELIGIBILITY = "Task_CheckEligibility";
    public static final String SEND_ARRANGEMENT = "Task_SendArrangement";
    public static final String AWAIT_PARCEL = "Task_AwaitParcel";
    public static final String DEVICE_SHIPPED = "Event_DeviceShipped";
    public static final String RECORD_INBOUND_SHIPMENT = "Task_RecordInboundShipment";
    public static final String SHIP_REMINDER_TIMER = "Timer_ShipReminder";
    public static final String SEND_SHIP_REMINDER = "Task_SendShipReminder";
    public static final String REMINDER_NOT_NEEDED = "EndEvent_ReminderNotNeeded";
    public static final String PARCEL_NOT_RECEIVED_TIMER = "Timer_ParcelNotReceived";
    public static final String DETERMINE_WARRANTY_START = "Task_DetermineWarrantyStart";
    public static final String DETERMINE_WARRANTY_LENGTH = "Task_DetermineWarrantyLength";
    public static final String CALCULATE_WARRANTY_PERIOD = "Task_CalculateWarrantyPeriod";
    public static final String DECIDE_COVERAGE = "Task_DecideCoverage";
    public static final String RECORD_WARRANTY_DECISION = "Task_RecordWarrantyDecision";
    public static final String REQUEST_PROOF = "Task_RequestProof";
    public static final String AWAIT_PROOF = "Gateway_AwaitProof";
    public static final String PROOF_SUBMITTED = "Event_ProofSubmitted";
    public static final String PROOF_DEADLINE_TIMER = "Timer_ProofDeadline";
    public static final String PREPARE_QUOTE = "Task_PrepareQuote";
    public static final String SEND_QUOTE = "Task_SendQuote";
    public static final String AWAIT_PAYMENT = "Gateway_AwaitPayment";
    public static final String PAYMENT_RECEIVED = "Event_PaymentReceived";
    public static final String QUOTE_DECLINED = "Event_QuoteDeclined";
    public static final String PAYMENT_DEADLINE_TIMER = "Timer_PaymentDeadline";
    public static final String RECORD_PAYMENT = "Task_RecordPayment";
    public static final String CONFIRM_PAYMENT = "Task_ConfirmPayment";
    public static final String PREPARE_RETURN_SHIPMENT = "Task_PrepareReturnShipment";
    public static final String NOTIFY_SHIPPED_BACK = "Task_NotifyShippedBack";

    public static final String END_NOT_ELIGIBLE = "EndEvent_NotEligible";
    public static final String END_RESOLVED_REMOTELY = "EndEvent_ResolvedRemotely";
    public static final String END_REFUSED = "EndEvent_Refused";
    public static final String END_REPAIRED_ON_SITE = "EndEvent_RepairedOnSite";
    public static final String END_CLOSED_NOT_RECEIVED = "EndEvent_ClosedNotReceived";
    public static final String END_REJECTED_ON_ARRIVAL = "EndEvent_RejectedOnArrival";
    public static final String END_REFUNDED = "EndEvent_Refunded";
    public static final String END_QUALITY_FAILED_TWICE = "EndEvent_QualityFailedTwice";
    public static final String PREPARE_REFUND = "Task_PrepareRefund";
    public static final String END_DEVICE_RETURNED = "EndEvent_DeviceReturned";
    public static final String END_INVOICE_ISSUED = "EndEvent_InvoiceIssued";
    public static final String ACKNOWLEDGE_COMPLAINT = "Task_AcknowledgeComplaint";
    public static final String DECIDE_VISIT_URGENCY = "Task_DecideVisitUrgency";
    public static final String RESPONSE_SLA_TIMER = "Timer_ResponseSla";
    public static final String RESOLUTION_SLA_TIMER = "Timer_ResolutionSla";
    public static final String COMPLAINT_SLA_TIMER = "Timer_ComplaintSla";
    public static final String END_RESPONSE_IN_TIME = "EndEvent_ResponseInTime";
    public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";
    public static final String END_COMPLAINT_ESCALATED = "EndEvent_ComplaintEscalated";
    public static final String END_COMPLAINT_HANDLED = "EndEvent_ComplaintHandled";
    public static final String SEND_COMPLAINT_ANSWER = "Task_SendComplaintAnswer";
    public static final String APPROVE_COMPLAINT_REFUND = "Task_ApproveComplaintRefund";
    public static final String END_REFUND_ON_COMPLAINT = "EndEvent_RefundOnComplaint";
    public static final String END_CANCELLED = "EndEvent_Cancelled";

    private Elements() {}
  }

  /** The contract's user tasks: id (= task definition key), group, form and the variables it collects. */
  public enum UserTask implements FormTask {
    REMOTE_DIAGNOSIS("remoteDiagnosis", Groups.SERVICE_DESK, List.of(REMOTE_OUTCOME)),
    SCHEDULE_ON_SITE_VISIT("scheduleOnSiteVisit", Groups.FIELD_SERVICE, List.of(VISIT_SCHEDULED_FOR)),
    PERFORM_ON_SITE_VISIT("performOnSiteVisit", Groups.FIELD_SERVICE, List.of(VISIT_OUTCOME)),
    INSPECT_PARCEL("inspectParcel", Groups.RECEIVING, List.of(SCANNED_RMA_NUMBER, PARCEL_CONDITION, SERIAL_MATCHES)),
    DIAGNOSE_FAULT("diagnoseFault", Groups.TECHNICIANS,
        List.of(FAULT_CAUSE, PROOF_OF_PURCHASE_VALID, REPAIR_METHOD, PARTS_COST, LABOUR_COST)),
    VERIFY_PROOF("verifyProof", Groups.SERVICE_DESK, List.of(PROOF_OF_PURCHASE_VALID)),
    REPAIR_DEVICE("repairDevice", Groups.TECHNICIANS, List.of(REPAIR_METHOD, REPLACED_PARTS)),
    QUALITY_CHECK("qualityCheck", Groups.QUALITY, List.of(QUALITY_PASSED)),
    REPLACE_DEVICE("replaceDevice", Groups.TECHNICIANS, List.of(REPLACEMENT_SERIAL_NUMBER)),
    ARRANGE_REFUND("arrangeRefund", Groups.FINANCE, List.of(REFUND_REFERENCE)),
    SHIP_DEVICE("shipDevice", Groups.LOGISTICS, List.of(RETURN_CARRIER, RETURN_TRACKING_NUMBER)),
    ISSUE_INVOICE("issueInvoice", Groups.FINANCE, List.of(VAT_INVOICE_NUMBER)),
    HANDLE_COMPLAINT("handleComplaint", Groups.SERVICE_MANAGERS, List.of(COMPLAINT_OUTCOME, COMPLAINT_RESPONSE)),
    HANDLE_ESCALATION("handleEscalation", Groups.SERVICE_MANAGERS, List.of(ESCALATION_NOTE));

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
    // Set at submission
    public static final ProcessVariable<String> RMA_NUMBER = string("rmaNumber");
    public static final ProcessVariable<String> CUSTOMER_NAME = string("customerName");
    public static final ProcessVariable<String> CUSTOMER_CITY = string("customerCity");
    public static final ProcessVariable<String> CUSTOMER_PROVINCE = string("customerProvince");
    public static final ProcessVariable<String> PRODUCT_MODEL = string("productModel");
    public static final ProcessVariable<String> SERIAL_NUMBER = string("serialNumber");
    public static final ProcessVariable<SalesChannel> PURCHASE_CHANNEL = of("purchaseChannel", SalesChannel.class);
    public static final ProcessVariable<String> INVOICE_NUMBER = string("invoiceNumber");
    public static final ProcessVariable<LocalDate> INVOICE_DATE = of("invoiceDate", LocalDate.class);
    public static final ProcessVariable<LocalDate> DELIVERY_DATE = of("deliveryDate", LocalDate.class);
    public static final ProcessVariable<String> FAULT_DESCRIPTION = string("faultDescription");
    public static final ProcessVariable<Priority> PRIORITY = of("priority", Priority.class);
    /** Task-local: the case's recent history, as a list for the task's form. */
    public static final ProcessVariable<String> CASE_HISTORY = string("caseHistory");
    /** Task-local: the contract the case is under and what it promises, or why it gives nothing. */
    public static final ProcessVariable<String> ENTITLEMENT_SUMMARY = string("entitlementSummary");
    /** Task-local: what the earlier case of a rework found and did. */
    public static final ProcessVariable<String> REWORK_SUMMARY = string("reworkSummary");
    /** Task-local: the documents the customer sent (proof of purchase scans), as links to open them. */
    public static final ProcessVariable<String> CASE_DOCUMENTS = string("caseDocuments");
    /** Task-local: the refund the case ends in, why and what it returns. */
    public static final ProcessVariable<String> REFUND_SUMMARY = string("refundSummary");
    public static final ProcessVariable<ServiceType> SERVICE_TYPE = of("serviceType", ServiceType.class);
    public static final ProcessVariable<Boolean> KEEP_REPLACED_PARTS = bool("keepReplacedParts");
    public static final ProcessVariable<LocalDate> SUBMITTED_ON = of("submittedOn", LocalDate.class);
    /** Service levels of remote triage, from submission in working time: the timers' and the task's due dates. */
    public static final ProcessVariable<OffsetDateTime> RESPONSE_DUE_BY = of("responseDueBy", OffsetDateTime.class);
    public static final ProcessVariable<OffsetDateTime> RESOLUTION_DUE_BY = of("resolutionDueBy", OffsetDateTime.class);
    /**
     * The service contract the unit falls under on the submission day, if any, and its status
     * then ({@value #NO_CONTRACT} without one): only an {@code ACTIVE} one entitles the case.
     */
    public static final ProcessVariable<String> CONTRACT_NUMBER = string("contractNumber");
    public static final ProcessVariable<String> CONTRACT_STATUS = string("contractStatus");
    public static final String NO_CONTRACT = "NONE";
    /** The earlier case this one reworks (service terms 001 6), or null. */
    public static final ProcessVariable<String> REWORK_OF = string("reworkOf");
    // Routing flags, false until their event happens
    public static final ProcessVariable<Boolean> DEVICE_SHIPPED = bool("deviceShipped");
    public static final ProcessVariable<Boolean> PROOF_REQUESTED = bool("proofRequested");

    // Intake
    public static final ProcessVariable<Boolean> ELIGIBLE = bool("eligible");
    public static final ProcessVariable<ProductCategory> PRODUCT_CATEGORY = of("productCategory", ProductCategory.class);
    public static final ProcessVariable<LocalDate> SHIPMENT_DATE = of("shipmentDate", LocalDate.class);

    // Triage and on-site visit
    public static final ProcessVariable<RemoteOutcome> REMOTE_OUTCOME = of("remoteOutcome", RemoteOutcome.class);
    public static final ProcessVariable<Integer> ON_SITE_VISIT_DAYS = of("onSiteVisitDays", Integer.class);
    public static final ProcessVariable<String> VISIT_SCHEDULED_FOR = string("visitScheduledFor");
    public static final ProcessVariable<VisitOutcome> VISIT_OUTCOME = of("visitOutcome", VisitOutcome.class);

    // Ship-in
    public static final ProcessVariable<OffsetDateTime> SHIP_BY = of("shipBy", OffsetDateTime.class);
    public static final ProcessVariable<OffsetDateTime> AUTO_CLOSE_AT = of("autoCloseAt", OffsetDateTime.class);
    public static final ProcessVariable<String> INBOUND_CARRIER = string("inboundCarrier");
    public static final ProcessVariable<String> INBOUND_TRACKING_NUMBER = string("inboundTrackingNumber");
    public static final ProcessVariable<String> ARRIVAL_TRACKING_NUMBER = string("arrivalTrackingNumber");
    public static final ProcessVariable<ParcelCondition> PARCEL_CONDITION = of("parcelCondition", ParcelCondition.class);
    public static final ProcessVariable<Boolean> SERIAL_MATCHES = bool("serialMatches");
    /** What the dock scanned from the packing slip's QR code: it must be this case's RMA number. */
    public static final ProcessVariable<String> SCANNED_RMA_NUMBER = string("scannedRmaNumber");

    // Diagnosis and warranty
    public static final ProcessVariable<FaultCause> FAULT_CAUSE = of("faultCause", FaultCause.class);
    public static final ProcessVariable<Boolean> PROOF_OF_PURCHASE_VALID = bool("proofOfPurchaseValid");
    public static final ProcessVariable<RepairMethod> REPAIR_METHOD = of("repairMethod", RepairMethod.class);
    public static final ProcessVariable<BigDecimal> PARTS_COST = of("partsCost", BigDecimal.class);
    public static final ProcessVariable<BigDecimal> LABOUR_COST = of("labourCost", BigDecimal.class);
    public static final ProcessVariable<WarrantyBasis> WARRANTY_BASIS = of("warrantyBasis", WarrantyBasis.class);
    public static final ProcessVariable<Integer> WARRANTY_MONTHS = of("warrantyMonths", Integer.class);
    public static final ProcessVariable<LocalDate> WARRANTY_START = of("warrantyStart", LocalDate.class);
    public static final ProcessVariable<LocalDate> WARRANTY_END = of("warrantyEnd", LocalDate.class);
    public static final ProcessVariable<Boolean> IN_WARRANTY = bool("inWarranty");
    public static final ProcessVariable<Coverage> COVERAGE = of("coverage", Coverage.class);
    public static final ProcessVariable<String> WARRANTY_REASON = string("warrantyReason");
    /** What covers the repair when not the product's warranty: {@code CONTRACT} or {@code REWORK}; null otherwise. */
    public static final ProcessVariable<WarrantyBasis> COVERAGE_BASIS = of("coverageBasis", WarrantyBasis.class);
    public static final ProcessVariable<OffsetDateTime> PROOF_DUE_BY = of("proofDueBy", OffsetDateTime.class);

    // Paid repair
    public static final ProcessVariable<BigDecimal> QUOTE_NET = of("quoteNet", BigDecimal.class);
    public static final ProcessVariable<BigDecimal> QUOTE_TAX = of("quoteTax", BigDecimal.class);
    public static final ProcessVariable<BigDecimal> QUOTE_GROSS = of("quoteGross", BigDecimal.class);
    public static final ProcessVariable<String> QUOTE_CURRENCY = string("quoteCurrency");
    public static final ProcessVariable<OffsetDateTime> PAYMENT_DUE_BY = of("paymentDueBy", OffsetDateTime.class);
    public static final ProcessVariable<String> PAYMENT_REFERENCE = string("paymentReference");
    public static final ProcessVariable<BigDecimal> PAYMENT_AMOUNT = of("paymentAmount", BigDecimal.class);
    public static final ProcessVariable<String> PAYMENT_CURRENCY = string("paymentCurrency");
    public static final ProcessVariable<String> VAT_INVOICE_NUMBER = string("vatInvoiceNumber");

    // Repair, quality, refund
    public static final ProcessVariable<String> REPLACED_PARTS = string("replacedParts");
    public static final ProcessVariable<Boolean> QUALITY_PASSED = bool("qualityPassed");
    public static final ProcessVariable<String> REPLACEMENT_SERIAL_NUMBER = string("replacementSerialNumber");
    public static final ProcessVariable<String> REFUND_REFERENCE = string("refundReference");

    // Return and close
    public static final ProcessVariable<Boolean> RETURN_REPLACED_PARTS = bool("returnReplacedParts");
    public static final ProcessVariable<String> RETURN_FREIGHT_PAID_BY = string("returnFreightPaidBy");
    public static final ProcessVariable<String> RETURN_ADDRESS = string("returnAddress");
    public static final ProcessVariable<String> RETURN_CARRIER = string("returnCarrier");
    public static final ProcessVariable<String> RETURN_TRACKING_NUMBER = string("returnTrackingNumber");
    public static final ProcessVariable<Resolution> RESOLUTION = of("resolution", Resolution.class);
    // Complaints, local to each complaint's event subprocess
    public static final ProcessVariable<Long> COMPLAINT_ID = of("complaintId", Long.class);
    public static final ProcessVariable<String> COMPLAINT_TEXT = string("complaintText");
    /** When the reply is due, in working days from the filing. */
    public static final ProcessVariable<OffsetDateTime> COMPLAINT_DUE_BY = of("complaintDueBy", OffsetDateTime.class);
    public static final ProcessVariable<String> COMPLAINT_RESPONSE = string("complaintResponse");
    public static final ProcessVariable<ComplaintOutcome> COMPLAINT_OUTCOME = of("complaintOutcome", ComplaintOutcome.class);

    // Service levels: the escalation steps' input, outcome and the managers' note
    public static final ProcessVariable<String> SLA = string("sla");
    public static final ProcessVariable<Boolean> SLA_BREACHED = bool("slaBreached");
    public static final ProcessVariable<String> SLA_BREACH = string("slaBreach");
    public static final ProcessVariable<String> ESCALATION_NOTE = string("escalationNote");

    /** Input of the notice tasks: which customer notice to send. */
    public static final ProcessVariable<String> NOTICE = string("notice");

    /**
     * Copies of what the case file keeps (the application as filed, the contract it named, the
     * warranty decision's basis and dates): the process carries them for its forms and routing,
     * and the engine's history need not keep them a second time (ADR 28).
     */
    public static final List<ProcessVariable<?>> CASE_FILE_COPIES = List.of(RMA_NUMBER, CUSTOMER_NAME, CUSTOMER_CITY,
        CUSTOMER_PROVINCE, PRODUCT_MODEL, SERIAL_NUMBER, PURCHASE_CHANNEL, INVOICE_NUMBER, INVOICE_DATE, DELIVERY_DATE,
        FAULT_DESCRIPTION, PRIORITY, SERVICE_TYPE, KEEP_REPLACED_PARTS, SUBMITTED_ON, CONTRACT_NUMBER, CONTRACT_STATUS,
        REWORK_OF, WARRANTY_BASIS, WARRANTY_START, WARRANTY_END, WARRANTY_REASON);

    private Variables() {}

    private static ProcessVariable<String> string(String name) {
      return ProcessVariable.of(name, String.class);
    }

    private static ProcessVariable<Boolean> bool(String name) {
      return ProcessVariable.of(name, Boolean.class);
    }

    private static <T> ProcessVariable<T> of(String name, Class<T> type) {
      return ProcessVariable.of(name, type);
    }
  }
}
