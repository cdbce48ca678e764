package io.rmaflow.contract;

/** Where a service contract stands (service-contracts.md). */
public enum ContractStatus {
  AWAITING_PAYMENT,
  IN_AUDIT,
  ACTIVE,
  SUSPENDED,
  ENDED,
  EXPIRED,
  CANCELLED_UNPAID;

  /** Ended one way or another: the contract's process is over. */
  public boolean isClosed() {
    return this == ENDED || this == EXPIRED || this == CANCELLED_UNPAID;
  }
}
