package io.rmaflow.process;

/** Why a case ends in a refund. */
public enum RefundCause {
  /** The device failed its quality check after repair and replacement (post-sale policy 2.2, 2.3; 001 6). */
  QUALITY_FAILED,
  /** A service manager approved a refund on the customer's complaint. */
  COMPLAINT
}
