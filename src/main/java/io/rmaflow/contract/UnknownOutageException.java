package io.rmaflow.contract;

/** No outage of that number was reported for the contract. */
public class UnknownOutageException extends RuntimeException {

  public UnknownOutageException(String contractNumber, long id) {
    super("Contract " + contractNumber + " has no outage " + id + ".");
  }
}
