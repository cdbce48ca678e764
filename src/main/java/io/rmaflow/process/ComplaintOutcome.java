package io.rmaflow.process;

/** How a service manager ends a complaint (service-contracts.md, "Rework warranty"). */
public enum ComplaintOutcome {
  /** Replied to; the case goes on. */
  ANSWERED,
  /** The customer gets back what they paid: the case ends in a refund. */
  REFUND_APPROVED
}
