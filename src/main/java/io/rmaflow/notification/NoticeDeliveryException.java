package io.rmaflow.notification;

/**
 * A notice could not be delivered. Its message becomes the incident message in Cockpit when
 * retries run out, so it names the case, the notice and the kind of failure; the mail
 * server's own text is left out, as it may quote the customer's address.
 */
public class NoticeDeliveryException extends RuntimeException {

  public NoticeDeliveryException(CustomerNotice notice, Throwable cause) {
    super("Notice " + notice.type() + " for " + notice.reference() + " could not be sent: " + kinds(cause)
        + ". Check the mail server, then retry.");
  }

  private static String kinds(Throwable failure) {
    StringBuilder kinds = new StringBuilder();
    for (Throwable t = failure; t != null && kinds.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
      kinds.append(kinds.isEmpty() ? "" : " caused by ").append(t.getClass().getSimpleName());
    }
    return kinds.toString();
  }
}
