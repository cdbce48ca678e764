package io.rmaflow.support;

/** A payment whose amount or currency is not what is owed (a quote, a contract's balance). */
public class PaymentMismatchException extends RuntimeException {

  private final String field;

  public PaymentMismatchException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
