package io.rmaflow.upgrade;

/** The plan's target version is not deployed (yet), or its process is unknown. */
public class MigrationNotApplicableException extends RuntimeException {

  public MigrationNotApplicableException(String message) {
    super(message);
  }
}
