package io.rmaflow.contract;

/** How a contract's fee falls due: once for the whole term, every month, or every year. */
public enum Billing {
  ONCE,
  MONTHLY,
  ANNUAL
}
