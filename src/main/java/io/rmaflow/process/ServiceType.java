package io.rmaflow.process;

/** How the customer prefers to be served. */
public enum ServiceType {
  MAIL_IN,
  ON_SITE
}
