package io.rmaflow.contract;

/** What the centre sells: maintenance of units (001), or support of a customer's system with availability (002). */
public enum ContractPlan {
  MAINTENANCE,
  SUPPORT
}
