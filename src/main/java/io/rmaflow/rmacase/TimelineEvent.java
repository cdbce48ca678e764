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
