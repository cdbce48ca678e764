package io.rmaflow.process;

/** The case is not waiting for this event now (e.g. a payment without an open quote). */
public class CaseNotAwaitingException extends RuntimeException {

  private final String rmaNumber;
  private final String messageName;

  public CaseNotAwaitingException(String rmaNumber, String messageName) {
    super("RMA " + rmaNumber + " is not waiting for " + messageName);
    this.rmaNumber = rmaNumber;
    this.messageName = messageName;
  }

  public String rmaNumber() {
    return rmaNumber;
  }

  public String messageName() {
    return messageName;
  }
}
