package io.rmaflow.contract;

/** What the customer said about the next term, and whether its first period is paid. */
public enum RenewalDecision {
  UNDECIDED,
  /** Renewal asked for; the next term's first period is open and must be paid by the term's end. */
  REQUESTED,
  /** The next term's first period is paid: the term continues without a gap. */
  PAID,
  /** The contract ends with its term. */
  DECLINED
}
