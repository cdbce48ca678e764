package io.rmaflow.process;

/** How a case ended; exactly one per closed case. */
public enum Resolution {
  REPAIRED,
  REPLACED,
  REFUNDED,
  RETURNED_UNREPAIRED,
  NO_FAULT_FOUND,
  RESOLVED_REMOTELY,
  REFUSED,
  CLOSED_NOT_RECEIVED,
  REJECTED_ON_ARRIVAL,
  REJECTED_NOT_ELIGIBLE,
  CANCELLED
}
