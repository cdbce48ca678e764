package io.rmaflow.process;

/** How urgent the customer's problem is. */
public enum Priority {
  HIGH,
  MEDIUM,
  LOW;

  /** An application that names no priority gets this one (rma-api.md). */
  public static final Priority DEFAULT = MEDIUM;

  public static Priority orDefault(Priority priority) {
    return priority == null ? DEFAULT : priority;
  }
}
