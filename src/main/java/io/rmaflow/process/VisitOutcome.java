package io.rmaflow.process;

/** Result of an on-site visit. */
public enum VisitOutcome {
  RESOLVED,
  SEND_IN
}
