package io.rmaflow.notification;

/** Delivers customer notices. Throws when delivery failed, so the engine retries the step. */
public interface CustomerNotifier {

  /** Delivers the notice; returns how, for the case timeline. */
  Delivery deliver(CustomerNotice notice);

  record Delivery(boolean sent, String detail) {}
}
