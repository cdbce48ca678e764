package io.rmaflow.contract;

import io.rmaflow.support.RmaClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A contract's business record: its terms, periods, payments and timeline, kept in this
 * module's tables. Reads are public; each change has a typed method, which also lists it in the
 * contract's timeline where finance and the customer read it.
 */
@Service
public class ContractFile {

  private final ContractRepository repository;
  private final ContractBilling billing;
  private final RmaClock clock;

  ContractFile(ContractRepository repository, ContractBilling billing, RmaClock clock) {
    this.repository = repository;
    this.billing = billing;
    this.clock = clock;
  }

  /** @throws UnknownContractException when there is no such contract */
  public ServiceContract get(String contractNumber) {
    return repository.find(contractNumber).orElseThrow(() -> new UnknownContractException(contractNumber));
  }

  public Optional<ServiceContract> find(String contractNumber) {
    return repository.find(contractNumber);
  }

  public List<ContractPeriod> periods(String contractNumber) {
    return repository.periods(contractNumber);
  }

  public List<ContractTimelineEntry> timeline(String contractNumber) {
    return repository.timeline(contractNumber);
  }

  /** The contract's account today, on the centre's calendar. */
  public ContractBilling.Balance balance(String contractNumber) {
    return billing.balance(periods(contractNumber), get(contractNumber).currency(), clock.today());
  }

  /** A monthly service report was made, in the contract's timeline. */
  public void recordServiceReport(String contractNumber, String summary) {
    record(contractNumber, ContractTimelineEvent.SERVICE_REPORT, summary);
  }

  void record(String contractNumber, ContractTimelineEvent event, String detail) {
    repository.appendTimeline(contractNumber, clock.nowOffset(), event.name(), detail);
  }

  /** Moves the contract to a status; a change is listed in the timeline, a repeat is not. */
  boolean changeStatus(String contractNumber, ContractStatus status) {
    boolean changed = repository.changeStatus(contractNumber, status, clock.nowOffset());
    if (changed) {
      record(contractNumber, ContractTimelineEvent.STATUS_CHANGED, status.name());
    }
    return changed;
  }

  void addPeriod(String contractNumber, int term, BillingSchedule.PlannedPeriod period, LocalDate dueOn, LocalDate opensOn,
      boolean paidBeforeRegistration) {
    repository.insertPeriod(contractNumber, term, period, dueOn, opensOn, paidBeforeRegistration);
  }

  void recordPaymentReceived(String contractNumber, String reference, BigDecimal amount, String currency,
      List<ContractPeriod> settled, LocalDate on) {
    OffsetDateTime now = clock.nowOffset();
    repository.insertPayment(reference, contractNumber, amount, currency, now);
    for (ContractPeriod period : settled) {
      repository.markPaid(period.id(), reference, now, billing.lateFee(period, on));
    }
    record(contractNumber, ContractTimelineEvent.PAYMENT_RECEIVED, amount.toPlainString() + " " + currency
        + ", reference " + reference + ", for " + describe(settled));
  }

  Optional<ContractRepository.Payment> payment(String reference) {
    return repository.findPayment(reference);
  }

  void recordPaymentApproved(String contractNumber, String reference, String note) {
    repository.decidePayment(reference, true, note, clock.nowOffset());
    record(contractNumber, ContractTimelineEvent.PAYMENT_APPROVED, reference + (note == null ? "" : ": " + note));
  }

  void recordPaymentRefused(String contractNumber, String reference, String reason) {
    repository.decidePayment(reference, false, reason, clock.nowOffset());
    repository.unmarkPaid(reference);
    record(contractNumber, ContractTimelineEvent.PAYMENT_REFUSED, reference + ": " + reason);
  }

  void recordInvoice(String contractNumber, String reference, String invoiceNumber) {
    repository.recordInvoice(reference, invoiceNumber);
    record(contractNumber, ContractTimelineEvent.INVOICE_ISSUED, invoiceNumber + " for payment " + reference);
  }

  void recordServiceFrom(String contractNumber, LocalDate serviceFrom) {
    repository.recordServiceFrom(contractNumber, serviceFrom, clock.nowOffset());
  }

  /**
   * The contract is in service: from today, or from its first start when that is later. A service
   * begun before keeps its first day.
   */
  void startService(String contractNumber) {
    LocalDate firstStartsOn = get(contractNumber).firstStartsOn();
    changeStatus(contractNumber, ContractStatus.ACTIVE);
    LocalDate today = clock.today();
    recordServiceFrom(contractNumber, today.isAfter(firstStartsOn) ? today : firstStartsOn);
  }

  void recordRenewal(String contractNumber, RenewalDecision renewal) {
    repository.recordRenewal(contractNumber, renewal, clock.nowOffset());
    record(contractNumber, ContractTimelineEvent.RENEWAL_DECIDED, renewal.name());
  }

  void recordExtensionRequest(String contractNumber, LocalDate until, String reason) {
    repository.recordExtensionRequest(contractNumber, until, reason, clock.nowOffset());
    record(contractNumber, ContractTimelineEvent.EXTENSION_REQUESTED, "until " + until + ": " + reason);
  }

  void recordExtensionDecision(String contractNumber, boolean approved, LocalDate until) {
    repository.recordExtensionDecision(contractNumber, approved, clock.nowOffset());
    record(contractNumber, ContractTimelineEvent.EXTENSION_DECIDED,
        (approved ? "approved: service until " : "refused: service ends as agreed, not on ") + until);
  }

  void startTerm(String contractNumber, int term, LocalDate startsOn, LocalDate endsOn) {
    repository.startTerm(contractNumber, term, startsOn, endsOn, clock.nowOffset());
    record(contractNumber, ContractTimelineEvent.TERM_STARTED, "term " + term + ": " + startsOn + " to " + endsOn);
  }

  void close(String contractNumber, ContractStatus status) {
    repository.close(contractNumber, status, clock.nowOffset());
    record(contractNumber, ContractTimelineEvent.STATUS_CHANGED, status.name());
  }

  /** Periods in words: {@code 2027-01-01 to 2027-01-31}, or {@code 3 periods from 2027-01-01 to 2027-03-31}. */
  static String describe(List<ContractPeriod> periods) {
    if (periods.isEmpty()) {
      return "no period";
    }
    LocalDate from = periods.get(0).from();
    LocalDate to = periods.get(periods.size() - 1).to();
    return (periods.size() == 1 ? "" : periods.size() + " periods from ") + from + " to " + to;
  }
}
