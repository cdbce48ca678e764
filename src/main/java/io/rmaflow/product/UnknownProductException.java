package io.rmaflow.product;

/** No unit with this serial number is registered. */
public class UnknownProductException extends RuntimeException {

  public UnknownProductException(String serialNumber) {
    super("No product with serial number " + serialNumber + " is registered.");
  }
}
