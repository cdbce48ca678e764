package io.rmaflow.repair;

/** A payment whose amount or currency is not the quote's. */
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
