package io.rmaflow.contract;

/** How a term ended: into the next one, as the customer decided, or for want of a paid renewal. */
public enum TermOutcome {
  RENEWED,
  ENDED,
  EXPIRED
}
