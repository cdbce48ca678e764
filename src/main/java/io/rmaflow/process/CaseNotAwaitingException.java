package io.rmaflow.process;

/** The case is not waiting for this event now (e.g. a payment without an open quote). */
public class CaseNotAwaitingException extends RuntimeException {

  private final String rmaNumber;
  private final String messageName;

  public CaseNotAwaitingException(String rmaNumber, String messageName) {
    this(rmaNumber, messageName, "RMA " + rmaNumber + " is not waiting for " + messageName + " now.");
  }

  /** With a detail that tells the caller why, in words fit for an API answer. */
  public CaseNotAwaitingException(String rmaNumber, String messageName, String detail) {
    super(detail);
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
