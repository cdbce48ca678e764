package io.rmaflow.rmacase;

/** No case has this RMA number. */
public class UnknownRmaException extends RuntimeException {

  private final String rmaNumber;

  public UnknownRmaException(String rmaNumber) {
    super("No RMA " + rmaNumber);
    this.rmaNumber = rmaNumber;
  }

  public String rmaNumber() {
    return rmaNumber;
  }
}
