package io.rmaflow.shipping;

import static io.rmaflow.process.RmaProcess.Variables.*;

import io.rmaflow.notification.NoticeKey;
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
  public ShipInDeadlines sendArrangement(String rmaNumber, NoticeKey noticeKey) {
    ZonedDateTime now = clock.now();
    ShipInDeadlines deadlines = new ShipInDeadlines(
        now.plus(terms.reminderAfter()).toOffsetDateTime(), now.plus(terms.closeAfter()).toOffsetDateTime());
    caseFile.update(rmaNumber, Map.of("ship_by", deadlines.shipBy(), "auto_close_at", deadlines.autoCloseAt()));
    notifications.notify(rmaNumber, NoticeType.ARRANGEMENT, noticeKey);
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
    Map<String, Object> columns = new HashMap<>();
    columns.put("inbound_carrier", carrier);
    columns.put("inbound_tracking_number", trackingNumber);
    caseFile.update(rmaNumber, columns);
    caseFile.record(rmaNumber, "DEVICE_SHIPPED", carrier + " " + trackingNumber);
  }

  /** The receiving dock scanned the parcel (message {@code ParcelArrived}). */
  public void reportArrival(String rmaNumber, String trackingNumber) {
    transactions.retryingOnConflict(() -> {
      Map<String, Object> variables = new HashMap<>();
      ARRIVAL_TRACKING_NUMBER.putInto(variables, trackingNumber);
      messages.correlate(rmaNumber, Messages.PARCEL_ARRIVED, variables);
      caseFile.record(rmaNumber, "PARCEL_ARRIVED", trackingNumber);
    });
  }

  public record ShipInDeadlines(OffsetDateTime shipBy, OffsetDateTime autoCloseAt) {}
}
