package io.rmaflow.rmacase;

/**
 * What a line of a case's timeline records. Entries whose detail quotes the customer's or a
 * staff member's own words are {@code personal}: their detail is removed with the case's
 * personal data (service agreement 3.7).
 */
public enum TimelineEvent {
  STATUS_CHANGED(false),
  ELIGIBILITY_CHECKED(false),
  DEVICE_SHIPPED(false),
  PARCEL_ARRIVED(false),
  WARRANTY_DECIDED(false),
  PROOF_SUBMITTED(false),
  QUOTE_PREPARED(false),
  QUOTE_ACCEPTED(false),
  QUOTE_DECLINED(false),
  PAYMENT_RECEIVED(false),
  RETURN_PREPARED(false),
  NOTICE(false),
  SLA_BREACHED(false),
  /** The service contract a case is entitled by, or the one that no longer entitles it. */
  ENTITLEMENT(false),
  /** The earlier case a rework returns to. */
  REWORK(false),
  REFUND_APPROVED(false),
  /** A document the customer sent: its name may say who they are. */
  DOCUMENT_RECEIVED(true),
  /** A new link to the customer page was sent, ending the one before. */
  CUSTOMER_LINK_RENEWED(false),
  /** A staff member's task results, notes among them. */
  TASK_COMPLETED(true),
  COMPLAINT_FILED(true),
  CANCELLATION_REQUESTED(true),
  FEEDBACK(true);

  private final boolean personal;

  TimelineEvent(boolean personal) {
    this.personal = personal;
  }

  public boolean personal() {
    return personal;
  }
}
