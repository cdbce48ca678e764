package io.rmaflow.contract;

/**
 * Where the next billing period of a term stands when the contract turns to it: not yet to be
 * announced, announced and not yet due, overdue, or unpaid for longer than the contract allows.
 * {@code NONE}: the term has no further period.
 */
public enum PeriodStage {
  NONE,
  UPCOMING,
  DUE,
  OVERDUE,
  LAPSED
}
