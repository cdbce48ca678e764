package io.rmaflow.triage;

/** Result of an on-site visit. */
public enum VisitOutcome {
  RESOLVED,
  SEND_IN
}
