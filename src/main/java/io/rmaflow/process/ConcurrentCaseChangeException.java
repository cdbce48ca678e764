package io.rmaflow.process;

import org.springframework.dao.ConcurrencyFailureException;

/** A message met a case that another transaction changed meanwhile; worth repeating. */
public class ConcurrentCaseChangeException extends ConcurrencyFailureException {

  public ConcurrentCaseChangeException(String rmaNumber, String messageName, Throwable cause) {
    super("RMA " + rmaNumber + " changed while " + messageName + " was delivered", cause);
  }
}
