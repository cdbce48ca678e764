package io.rmaflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without a mail server the notices are logged and listed in the timeline as not sent, so a
 * demo runs end to end. The log line names the case and notice, never the customer.
 */
public class LoggingCustomerNotifier implements CustomerNotifier {

  static final String NOT_SENT = "not sent: no mail server configured";

  private static final Logger LOG = LoggerFactory.getLogger(LoggingCustomerNotifier.class);

  @Override
  public Delivery deliver(CustomerNotice notice) {
    LOG.info("Notice {} for {} (locale {}) not sent: no mail server configured",
        notice.type(), notice.reference(), notice.locale());
    return new Delivery(false, NOT_SENT);
  }
}
