package io.rmaflow.support;

/** An Idempotency-Key was used before with a different request. */
public class IdempotencyConflictException extends RuntimeException {

  public IdempotencyConflictException(String key) {
    super("The Idempotency-Key " + key + " was already used for a different request; use a new key for a new request.");
  }
}
