package io.rmaflow.process;

/** Who pays for the repair. */
public enum Coverage {
  FREE,
  PAID,
  NO_FAULT,
  PROOF_REQUIRED
}
