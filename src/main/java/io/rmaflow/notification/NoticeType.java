package io.rmaflow.notification;

import io.rmaflow.process.Resolution;

/** The customer notices of the contract, each sent at the step that triggers it. */
public enum NoticeType {
  SUBMISSION_RECEIVED,
  ARRANGEMENT,
  SHIP_REMINDER,
  CLOSED_NOT_RECEIVED,
  REJECTED_ON_ARRIVAL,
  PROOF_REQUESTED,
  QUOTE,
  PAYMENT_RECEIVED,
  SHIPPED_BACK,
  REFUND,
  COMPLAINT_RECEIVED,
  COMPLAINT_ANSWERED,
  /** A new link to the case's page, sent on request; the one before no longer opens it. */
  CUSTOMER_LINK,
  CASE_CLOSED;

  /** Notices that close a case; they invite the customer to give feedback (post-sale policy 3.4). */
  public boolean closesCase() {
    return this == CLOSED_NOT_RECEIVED || this == REJECTED_ON_ARRIVAL || this == REFUND || this == CASE_CLOSED;
  }

  /**
   * The notice that closes a case. Resolutions with a notice of their own get that one, so
   * the customer receives one closing message, always with the invitation to give feedback.
   */
  public static NoticeType closingNoticeFor(Resolution resolution) {
    return switch (resolution) {
      case CLOSED_NOT_RECEIVED -> CLOSED_NOT_RECEIVED;
      case REJECTED_ON_ARRIVAL -> REJECTED_ON_ARRIVAL;
      case REFUNDED -> REFUND;
      default -> CASE_CLOSED;
    };
  }
}
