package io.rmaflow.notification;

/**
 * A notice could not be delivered. Its message becomes the incident message in Cockpit when
 * retries run out, so it names the case and the notice, never the customer's address.
 */
public class NoticeDeliveryException extends RuntimeException {

  public NoticeDeliveryException(CustomerNotice notice, Throwable cause) {
    super("Notice " + notice.type() + " for " + notice.rmaNumber() + " could not be sent: " + cause.getMessage(), cause);
  }
}
