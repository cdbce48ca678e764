package io.rmaflow.upgrade;

/** No migration plan of that name is declared. */
public class UnknownMigrationPlanException extends RuntimeException {

  public UnknownMigrationPlanException(String name) {
    super("There is no migration plan " + name + ".");
  }
}
