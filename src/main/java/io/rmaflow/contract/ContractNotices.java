package io.rmaflow.contract;

import io.rmaflow.notification.CustomerNotice;
import io.rmaflow.notification.CustomerNotifier;
import io.rmaflow.notification.NoticeRenderer;
import io.rmaflow.notification.NotificationService;
import io.rmaflow.process.StepKey;
import io.rmaflow.sla.WorkingTimeCalendar;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The notices of a contract, through the same machinery as the repair notices (sent once per
 * step, retried, an incident when retries run out): what {@code templates/mail/contract-notice.*}
 * shows, from the contract file, and a line in the contract's timeline.
 */
@Component
class ContractNotices {

  static final String TEMPLATE = "contract-notice";

  private final ContractFile contracts;
  private final NotificationService notifications;
  private final NoticeRenderer renderer;
  private final WorkingTimeCalendar calendar;
  private final ContractBilling billing;
  private final RmaClock clock;
  private final String lateFeePercent;

  ContractNotices(ContractFile contracts, NotificationService notifications, NoticeRenderer renderer,
      WorkingTimeCalendar calendar, ContractBilling billing, RmaClock clock, RmaProperties properties) {
    this.contracts = contracts;
    this.notifications = notifications;
    this.renderer = renderer;
    this.calendar = calendar;
    this.billing = billing;
    this.clock = clock;
    this.lateFeePercent = properties.contract().lateFeePerDay().movePointRight(2).stripTrailingZeros().toPlainString();
  }

  /**
   * @param periodTo the period a period notice is about, by its last day; null for the others
   * @param paymentReference the payment a payment notice is about; null for the others
   */
  void send(StepKey key, String contractNumber, ContractNoticeType type, LocalDate periodTo, String paymentReference) {
    CustomerNotifier.Delivery delivery = notifications.send(key, () -> notice(contractNumber, type, periodTo, paymentReference));
    contracts.record(contractNumber, ContractTimelineEvent.NOTICE, NotificationService.describe(type.name(), delivery));
  }

  private CustomerNotice notice(String contractNumber, ContractNoticeType type, LocalDate periodTo, String paymentReference) {
    ServiceContract contract = contracts.get(contractNumber);
    Locale locale = Locale.forLanguageTag(contract.customer().localeOrDefault());
    List<ContractPeriod> periods = contracts.periods(contractNumber);
    ContractBilling.Balance balance = billing.balance(periods, contract.currency(), clock.today());
    Map<String, Object> model = new HashMap<>();
    model.put("contract", contract);
    model.put("contractNumber", contractNumber);
    model.put("customerName", contract.customer().name());
    model.put("plan", renderer.message("contract.plan." + contract.plan(), locale));
    model.put("balance", balance);
    model.put("due", balance.due().toPlainString() + " " + balance.currency());
    model.put("dueNow", balance.due().signum() > 0);
    model.put("lateFeePercent", lateFeePercent);
    model.put("activationDueBy", renderer.dateTime(contract.activationDueBy()));
    model.put("renewal", contract.renewal().name());
    periods.stream().filter(period -> period.to().equals(periodTo)).findFirst().ifPresent(period -> {
      model.put("period", period);
      model.put("periodAmount", period.price().gross().toPlainString() + " " + period.price().currency());
      model.put("periodLateFee", balance.periods().stream().filter(line -> line.from().equals(period.from()))
          .findFirst().map(line -> line.lateFee().toPlainString() + " " + period.price().currency()).orElse(null));
      if (!calendar.isWorkingDay(period.dueOn())) {
        model.put("dueOnDayOff", calendar.isHoliday(period.dueOn())
            ? renderer.message("contract.dayOff.holiday", locale)
            : period.dueOn().getDayOfWeek().getDisplayName(TextStyle.FULL, locale));
      }
    });
    if (paymentReference != null) {
      contracts.payment(paymentReference).ifPresent(payment -> {
        model.put("paymentReference", payment.reference());
        model.put("paymentAmount", payment.amount().toPlainString() + " " + payment.currency());
        model.put("auditNote", payment.auditNote());
      });
    }
    model.put("extension", contract.extension());
    return new CustomerNotice(type.name(), contractNumber, contract.customer().email(),
        contract.customer().localeOrDefault(), TEMPLATE, model);
  }
}
