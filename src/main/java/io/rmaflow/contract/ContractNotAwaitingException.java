package io.rmaflow.contract;

/** The contract is not waiting for this now (a payment with nothing due, a renewal already decided, ...). */
public class ContractNotAwaitingException extends RuntimeException {

  public ContractNotAwaitingException(String detail) {
    super(detail);
  }
}
