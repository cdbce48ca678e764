package io.rmaflow.contract;

/** What a line of a contract's timeline records. */
public enum ContractTimelineEvent {
  STATUS_CHANGED,
  REGISTERED,
  PERIOD_DUE,
  PAYMENT_RECEIVED,
  PAYMENT_APPROVED,
  PAYMENT_REFUSED,
  INVOICE_ISSUED,
  RENEWAL_DECIDED,
  EXTENSION_REQUESTED,
  EXTENSION_DECIDED,
  TERM_STARTED,
  TASK_COMPLETED,
  NOTICE
}
