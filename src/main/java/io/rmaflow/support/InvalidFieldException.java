package io.rmaflow.support;

/** A field whose value breaks a rule that looks beyond the field itself (a date before another, a plan that needs a name). */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
