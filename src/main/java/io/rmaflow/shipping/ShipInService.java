package io.rmaflow.shipping;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.process.StepKey;
import io.rmaflow.notification.NoticeType;
import io.rmaflow.notification.NotificationService;
import io.rmaflow.process.CaseMessages;
import io.rmaflow.process.RmaProcess.Messages;
import io.rmaflow.rmacase.CaseFile;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import io.rmaflow.support.Transactions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Getting the device in (contract step 3): arrangement, deadlines, shipment and arrival. */
@Service
public class ShipInService {

  private final Transactions transactions;
  private final CaseFile caseFile;
  private final CaseMessages messages;
  private final NotificationService notifications;
  private final RmaClock clock;
  private final RmaProperties.ShipIn terms;

  public ShipInService(CaseFile caseFile, CaseMessages messages, NotificationService notifications,
      RmaClock clock, RmaProperties properties, Transactions transactions) {
    this.transactions = transactions;
    this.caseFile = caseFile;
    this.messages = messages;
    this.notifications = notifications;
    this.clock = clock;
    this.terms = properties.shipIn();
  }

  /**
   * Sets the ship-by and auto-close deadlines (calendar days from now, service agreement
   * 4.2) and sends the customer the arrangement. The lifecycle's timers fire on exactly
   * these instants.
   */
  @Transactional
  public ShipInDeadlines sendArrangement(String rmaNumber, StepKey stepKey) {
    ZonedDateTime now = clock.now();
    ShipInDeadlines deadlines = new ShipInDeadlines(
        now.plus(terms.reminderAfter()).toOffsetDateTime(), now.plus(terms.closeAfter()).toOffsetDateTime());
    caseFile.recordShipInDeadlines(rmaNumber, deadlines.shipBy(), deadlines.autoCloseAt());
    notifications.notify(rmaNumber, NoticeType.ARRANGEMENT, stepKey);
    return deadlines;
  }

  /** The customer or carrier reports the device sent (message {@code DeviceShipped}). */
  public void reportShipment(String rmaNumber, String carrier, String trackingNumber) {
    transactions.retryingOnConflict(() -> {
      Map<String, Object> variables = new HashMap<>();
      INBOUND_CARRIER.putInto(variables, carrier);
      INBOUND_TRACKING_NUMBER.putInto(variables, trackingNumber);
      messages.correlate(rmaNumber, Messages.DEVICE_SHIPPED, variables);
    });
  }

  public void recordInboundShipment(String rmaNumber, String carrier, String trackingNumber) {
    caseFile.recordInboundShipment(rmaNumber, carrier, trackingNumber);
  }

  /** The receiving dock scanned the parcel (message {@code ParcelArrived}). */
  public void reportArrival(String rmaNumber, String trackingNumber) {
    transactions.retryingOnConflict(() -> {
      Map<String, Object> variables = new HashMap<>();
      ARRIVAL_TRACKING_NUMBER.putInto(variables, trackingNumber);
      messages.correlate(rmaNumber, Messages.PARCEL_ARRIVED, variables);
      caseFile.recordArrival(rmaNumber, trackingNumber);
    });
  }

  public record ShipInDeadlines(OffsetDateTime shipBy, OffsetDateTime autoCloseAt) {}
}
