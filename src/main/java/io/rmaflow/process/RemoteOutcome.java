package io.rmaflow.process;

/** Result of remote triage (service agreement 4.1). */
public enum RemoteOutcome {
  RESOLVED,
  REFUSED,
  SEND_IN,
  ON_SITE
}
