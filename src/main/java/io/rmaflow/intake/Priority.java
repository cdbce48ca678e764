package io.rmaflow.intake;

/** How urgent the customer's problem is. */
public enum Priority {
  HIGH,
  MEDIUM,
  LOW
}
