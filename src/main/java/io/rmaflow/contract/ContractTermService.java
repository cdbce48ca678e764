package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import io.rmaflow.process.StepKey;
import io.rmaflow.sla.WorkingTimeCalendar;
import io.rmaflow.support.InvalidFieldException;
import io.rmaflow.support.ProcessMessages;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import io.rmaflow.support.Transactions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * A contract's term from activation to its end (service-contracts.md, steps 4 and 5): its
 * billing periods announced, overdue and lapsing, suspension, the renewal decision and its
 * reminders, extensions in special circumstances, and what follows at the term's end.
 */
@Service
public class ContractTermService {

  /** An extension keeps the service at most this long beyond the term. */
  static final Period LONGEST_EXTENSION = Period.ofYears(1);

  private final ContractFile contracts;
  private final ContractBilling billing;
  private final ContractNotices notices;
  private final ProcessMessages messages;
  private final WorkingTimeCalendar calendar;
  private final RmaClock clock;
  private final Transactions transactions;
  private final RmaProperties properties;

  ContractTermService(ContractFile contracts, ContractBilling billing, ContractNotices notices, RuntimeService runtimeService,
      WorkingTimeCalendar calendar, RmaClock clock, Transactions transactions, RmaProperties properties) {
    this.contracts = contracts;
    this.billing = billing;
    this.notices = notices;
    this.messages = new ProcessMessages(runtimeService, ContractProcess.KEY);
    this.calendar = calendar;
    this.clock = clock;
    this.transactions = transactions;
    this.properties = properties;
  }

  /** The moments of a term the contract's timers wait for. */
  record TermMoments(OffsetDateTime renewalReminderAt, OffsetDateTime lastRenewalReminderAt, OffsetDateTime termEndsAt) {}

  /** The contract serves from now on (or goes on serving, moved over from a former system). */
  TermMoments activate(String contractNumber, StepKey step) {
    contracts.startService(contractNumber);
    notices.send(step, contractNumber, ContractNoticeType.CONTRACT_ACTIVE, null, null);
    return moments(contracts.get(contractNumber));
  }

  ContractBilling.NextPeriod openNextPeriod(String contractNumber, LocalDate after) {
    return billing.next(contracts.get(contractNumber), contracts.periods(contractNumber), after, clock.now());
  }

  /** Sends a notice of the contract; a period's due notice also says when a due date falls on a day off. */
  void notify(StepKey step, String contractNumber, ContractNoticeType type, LocalDate periodTo, String paymentReference) {
    if (type == ContractNoticeType.CONTRACT_PERIOD_DUE && periodTo != null) {
      contracts.periods(contractNumber).stream().filter(period -> period.to().equals(periodTo)).findFirst()
          .ifPresent(period -> contracts.record(contractNumber, ContractTimelineEvent.PERIOD_DUE, period.from() + " to "
              + period.to() + ": " + period.price().gross().toPlainString() + " " + period.price().currency() + " due on "
              + period.dueOn() + dayOffNote(calendar, period.dueOn())));
    }
    notices.send(step, contractNumber, type, periodTo, paymentReference);
  }

  /** ", a Saturday: the due date stays" when a due date is a day off; the terms fix the date itself (002 第三条(三)). */
  static String dayOffNote(WorkingTimeCalendar calendar, LocalDate dueOn) {
    if (calendar.isWorkingDay(dueOn)) {
      return "";
    }
    String day = calendar.isHoliday(dueOn) ? "public holiday"
        : dueOn.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    return ", a " + day + ": the due date stays";
  }

  /** A period unpaid for longer than the contract allows: no more service until the balance is paid (002 第三条(三)). */
  ContractStatus suspend(String contractNumber, StepKey step) {
    if (contracts.changeStatus(contractNumber, ContractStatus.SUSPENDED)) {
      notices.send(step, contractNumber, ContractNoticeType.CONTRACT_SUSPENDED, null, null);
    }
    return contracts.get(contractNumber).status();
  }

  /** The customer renews or ends the contract ({@code POST .../renewal}). */
  public void decideRenewal(String contractNumber, boolean renew) {
    transactions.retryingOnConflict(() -> {
      ServiceContract contract = contracts.get(contractNumber);
      if (contract.status() != ContractStatus.ACTIVE) {
        throw new ContractNotAwaitingException("Contract " + contractNumber + " is " + contract.status()
            + "; only an active contract can be renewed or ended.");
      }
      if (contract.renewal() != RenewalDecision.UNDECIDED) {
        throw new ContractNotAwaitingException("The renewal of contract " + contractNumber + " is already decided: "
            + contract.renewal() + ".");
      }
      RenewalDecision decision = renew ? RenewalDecision.REQUESTED : RenewalDecision.DECLINED;
      if (renew) {
        // The next term's first period; it must be paid by the end of this term (001 3).
        BillingSchedule.PlannedPeriod first = nextTermPeriods(contract).get(0);
        contracts.addPeriod(contractNumber, contract.term() + 1, first, contract.endsOn(), clock.today(), false);
      }
      contracts.recordRenewal(contractNumber, decision);
      Map<String, Object> variables = new HashMap<>();
      RENEWAL.putInto(variables, decision);
      messages.setVariables(contractNumber, variables);
    });
  }

  /** Special circumstances (001 3): the customer asks to keep the service until a later day. */
  public void requestExtension(String contractNumber, String reason, LocalDate until) {
    transactions.retryingOnConflict(() -> {
      ServiceContract contract = contracts.get(contractNumber);
      if (contract.status() != ContractStatus.ACTIVE) {
        throw new ContractNotAwaitingException("Contract " + contractNumber + " is " + contract.status()
            + "; only an active contract can be extended.");
      }
      if (!until.isAfter(contract.serviceUntil())) {
        throw new InvalidFieldException("until", "must be after the day the service ends now, " + contract.serviceUntil());
      }
      if (until.isAfter(contract.endsOn().plus(LONGEST_EXTENSION))) {
        throw new InvalidFieldException("until", "an extension lasts at most a year beyond the term's end, "
            + contract.endsOn());
      }
      Map<String, Object> local = new HashMap<>();
      EXTENSION_REASON.putInto(local, reason);
      EXTENSION_UNTIL.putInto(local, until);
      boolean underReview = contract.extension() != null && contract.extension().approved() == null;
      messages.correlateWithLocalVariables(contractNumber, ContractProcess.Messages.EXTENSION_REQUESTED, local,
          () -> new ContractNotAwaitingException(underReview
              ? "An extension request of contract " + contractNumber + " is already under review."
              : "Contract " + contractNumber + " takes no extension request at this moment; its term is still being "
                  + "set up. Please send the request again shortly."));
      contracts.recordExtensionRequest(contractNumber, until, reason);
    });
  }

  /** The service managers' decision: an approved extension moves the end of the service. */
  OffsetDateTime decideExtension(String contractNumber, boolean approved, LocalDate until, StepKey step) {
    contracts.recordExtensionDecision(contractNumber, approved, until);
    notices.send(step, contractNumber, ContractNoticeType.CONTRACT_EXTENSION_DECIDED, null, null);
    return moments(contracts.get(contractNumber)).termEndsAt();
  }

  /**
   * The service period is over: a paid renewal starts the next term the day after this one
   * ends, a declined one ends the contract, and no paid renewal lets it expire.
   */
  TermEnd endTerm(String contractNumber) {
    ServiceContract contract = contracts.get(contractNumber);
    return switch (contract.renewal()) {
      case PAID -> {
        List<BillingSchedule.PlannedPeriod> periods = nextTermPeriods(contract);
        LocalDate startsOn = contract.endsOn().plusDays(1);
        LocalDate endsOn = periods.get(periods.size() - 1).to();
        int term = contract.term() + 1;
        contracts.startTerm(contractNumber, term, startsOn, endsOn);
        for (BillingSchedule.PlannedPeriod period : periods.subList(1, periods.size())) {
          contracts.addPeriod(contractNumber, term, period, period.dueOn(), billing.opensOn(period.dueOn()), false);
        }
        yield new TermEnd(TermOutcome.RENEWED, moments(contracts.get(contractNumber)));
      }
      case DECLINED -> new TermEnd(TermOutcome.ENDED, null);
      case UNDECIDED, REQUESTED -> new TermEnd(TermOutcome.EXPIRED, null);
    };
  }

  record TermEnd(TermOutcome outcome, TermMoments nextTerm) {}

  /** The contract ends in {@code status}, and the customer is told. */
  void close(String contractNumber, ContractStatus status, StepKey step) {
    contracts.close(contractNumber, status);
    notices.send(step, contractNumber, ContractNoticeType.closingNoticeFor(status), null, null);
  }

  /** The next term: as long as this one, from the day after it ends, billed the same way. */
  private List<BillingSchedule.PlannedPeriod> nextTermPeriods(ServiceContract contract) {
    LocalDate startsOn = contract.endsOn().plusDays(1);
    Period length = Period.between(contract.startsOn(), contract.endsOn().plusDays(1));
    return BillingSchedule.periods(contract.billing(), startsOn, startsOn.plus(length).minusDays(1), contract.fee(),
        properties.quote().taxRate(), contract.currency());
  }

  private TermMoments moments(ServiceContract contract) {
    RmaProperties.Contract terms = properties.contract();
    return new TermMoments(
        billing.noticeTime(contract.endsOn().minus(terms.renewalReminderBefore())),
        billing.noticeTime(contract.endsOn().minus(terms.lastRenewalReminderBefore())),
        contract.serviceUntil().plusDays(1).atStartOfDay(clock.now().getZone()).toOffsetDateTime());
  }
}
