package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Elements.*;
import static io.rmaflow.contract.ContractProcess.UserTask.*;
import static io.rmaflow.contract.ContractProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.rmaflow.CoversProcess;
import io.rmaflow.RmaSpringBootTest;
import io.rmaflow.process.LifecycleDriver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path of {@code service-contract}, driven the way a contract runs for real:
 * registration and payments through the application services, audits, invoices and reviews
 * completed with what their forms send, timers fired by moving the engine clock. Together they
 * reach every flow node and sequence flow of the model (the coverage gate of process tests).
 */
@RmaSpringBootTest
@CoversProcess(ContractProcess.KEY)
class ServiceContractProcessTest {

  /** A Monday morning in the centre's time zone. */
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T10:00:00+08:00");
  static final LocalDate TODAY = NOW.toLocalDate();

  @Autowired LifecycleDriver driver;
  @Autowired ContractRegistrationService registrations;
  @Autowired ContractPaymentService payments;
  @Autowired ContractTermService terms;
  @Autowired ContractFile contracts;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void fixClock() {
    driver.setClock(NOW.toInstant());
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  // --- registration and the first payment -------------------------------------------------

  @Test
  void aNewContractServesOnceItsFirstPaymentIsReceivedAndAuditedAndFinanceInvoicesIt() {
    Contract contract = registerThreeMonths();
    assertThat(status(contract)).isEqualTo(ContractStatus.AWAITING_PAYMENT);
    assertThat(contract.instance()).isWaitingAt(AWAIT_FIRST_PAYMENT).hasPassed(CONFIRM_REGISTRATION);
    assertThat(contracts.balance(contract.number()).due()).isEqualByComparingTo("113.00");

    pay(contract, "PAY-1");
    assertThat(status(contract)).isEqualTo(ContractStatus.IN_AUDIT);
    audit(contract, true, "Received on the centre's account");

    assertThat(status(contract)).isEqualTo(ContractStatus.ACTIVE);
    assertThat(contracts.get(contract.number()).serviceFrom()).isEqualTo(TODAY);
    assertThat(contract.instance()).hasPassed(CONTRACT_ACTIVATED, ACTIVATE_CONTRACT, APPROVE_PAYMENT)
        .isWaitingAt(PERIOD_DUE_SOON_TIMER, RENEWAL_REMINDER_TIMER, AWAIT_TERM_END, ISSUE_CONTRACT_INVOICE.id());
    invoice(contract, "VAT-C-1");

    assertThat(contract.instance()).hasPassed(END_INVOICE_ISSUED);
    assertThat(notices(contract)).containsExactly("CONTRACT_REGISTERED", "CONTRACT_PAYMENT_RECEIVED", "CONTRACT_ACTIVE");
    assertThat(timeline(contract, "INVOICE_ISSUED")).containsExactly("VAT-C-1 for payment " + contract.number() + "/PAY-1");
  }

  @Test
  void aRefusedPaymentIsToldToTheCustomerWithItsReasonAndTheContractAwaitsAnother() {
    Contract contract = registerThreeMonths();
    pay(contract, "PAY-1");

    audit(contract, false, "The amount has not arrived on our account");

    assertThat(status(contract)).isEqualTo(ContractStatus.AWAITING_PAYMENT);
    assertThat(contract.instance()).hasPassed(REFUSE_PAYMENT, END_PAYMENT_REFUSED).isWaitingAt(AWAIT_FIRST_PAYMENT);
    assertThat(contracts.balance(contract.number()).due()).isEqualByComparingTo("113.00");
    assertThat(notices(contract)).endsWith("CONTRACT_PAYMENT_REFUSED");
    pay(contract, "PAY-2");
    audit(contract, true, "Received");
    assertThat(status(contract)).isEqualTo(ContractStatus.ACTIVE);
  }

  @Test
  void aNewContractWithoutAnyPaymentWithinThirtyDaysIsCancelledUnpaid() {
    Contract contract = registerThreeMonths();
    assertThat(driver.timer(contract.number(), PAYMENT_DEADLINE_TIMER).getDuedate().toInstant())
        .isEqualTo(NOW.plusDays(30).toInstant());

    driver.fireTimer(contract.number(), PAYMENT_DEADLINE_TIMER);

    assertThat(contract.instance()).isEnded().hasPassed(END_CANCELLED_UNPAID).hasNotPassed(ACTIVATE_CONTRACT, AUDIT_DECIDED);
    assertThat(status(contract)).isEqualTo(ContractStatus.CANCELLED_UNPAID);
    assertThat(notices(contract)).containsExactly("CONTRACT_REGISTERED", "CONTRACT_CANCELLED_UNPAID");
  }

  @Test
  void aPaymentStillInAuditWhenThePaymentTimeRunsOutActivatesTheContractOnceApproved() {
    Contract contract = registerThreeMonths();
    pay(contract, "PAY-1");

    driver.fireTimer(contract.number(), PAYMENT_DEADLINE_TIMER);
    assertThat(contract.instance()).isWaitingAt(AUDIT_DECIDED, AUDIT_CONTRACT_PAYMENT.id());
    audit(contract, true, "Received before the deadline");

    assertThat(contract.instance()).hasPassed(AUDIT_DECIDED, ACTIVATE_CONTRACT).hasNotPassed(END_CANCELLED_UNPAID);
    assertThat(status(contract)).isEqualTo(ContractStatus.ACTIVE);
  }

  @Test
  void aPaymentInAuditWhenThePaymentTimeRunsOutThatIsThenRefusedCancelsTheContract() {
    Contract contract = registerThreeMonths();
    pay(contract, "PAY-1");
    driver.fireTimer(contract.number(), PAYMENT_DEADLINE_TIMER);

    audit(contract, false, "The transfer was recalled by the bank");

    assertThat(contract.instance()).isEnded().hasPassed(AUDIT_DECIDED, REFUSE_PAYMENT, END_CANCELLED_UNPAID)
        .hasNotPassed(ACTIVATE_CONTRACT);
    assertThat(status(contract)).isEqualTo(ContractStatus.CANCELLED_UNPAID);
  }

  // --- billing periods -------------------------------------------------------------------

  @Test
  void aRenewalPaidInAdvanceSettlesTheRemainingPeriodsSoTheyGoUnannouncedAndTheTermContinuesIntoTheNext() {
    Contract contract = active(registerThreeMonths());
    invoice(contract, "VAT-C-1");
    terms.decideRenewal(contract.number(), true);
    assertThat(contracts.balance(contract.number()).due()).as("April, May and the next term's June")
        .isEqualByComparingTo("339.00");
    pay(contract, "PAY-RENEW");
    audit(contract, true, "Received");
    invoice(contract, "VAT-C-2");

    driver.fireTimer(contract.number(), PERIOD_DUE_SOON_TIMER);
    assertThat(contract.instance()).hasPassed(TERM_BILLED).hasNotPassed(SEND_PERIOD_DUE);
    driver.fireTimer(contract.number(), RENEWAL_REMINDER_TIMER);
    driver.fireTimer(contract.number(), TERM_ENDS_TIMER);

    ServiceContract renewed = contracts.get(contract.number());
    assertThat(renewed.term()).isEqualTo(2);
    assertThat(renewed.startsOn()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(renewed.endsOn()).isEqualTo(LocalDate.of(2026, 8, 31));
    assertThat(renewed.renewal()).isEqualTo(RenewalDecision.UNDECIDED);
    assertThat(renewed.status()).isEqualTo(ContractStatus.ACTIVE);
    assertThat(contract.instance()).hasPassed(END_TERM).isWaitingAt(PERIOD_DUE_SOON_TIMER, RENEWAL_REMINDER_TIMER, AWAIT_TERM_END);
    assertThat(notices(contract)).doesNotContain("CONTRACT_PERIOD_DUE", "CONTRACT_RENEWAL_REMINDER");
  }

  @Test
  void anUnpaidPeriodIsAnnouncedThenOverdueWithItsLateFeeAndSuspendsTheContractUntilTheBalanceIsPaid() {
    Contract contract = active(registerThreeMonths());

    driver.fireTimer(contract.number(), PERIOD_DUE_SOON_TIMER);
    assertThat(timeline(contract, "PERIOD_DUE")).containsExactly(
        "2026-04-01 to 2026-04-30: 113.00 CNY due on 2026-04-05, a Sunday: the due date stays");
    driver.fireTimer(contract.number(), PERIOD_OVERDUE_TIMER);
    assertThat(contracts.balance(contract.number()).overdueLateFees()).as("one day late").isEqualByComparingTo("0.06");
    driver.fireTimer(contract.number(), SUSPENSION_TIMER);

    assertThat(status(contract)).isEqualTo(ContractStatus.SUSPENDED);
    assertThat(contract.instance()).hasPassed(SEND_PERIOD_DUE, SEND_PERIOD_OVERDUE, SUSPEND_CONTRACT)
        .isWaitingAt(PERIOD_OVERDUE_TIMER);
    assertThat(contracts.balance(contract.number()).due()).as("April with 31 days' late fee, May with one")
        .isEqualByComparingTo("227.81");
    pay(contract, "PAY-LATE");
    audit(contract, true, "Received");
    assertThat(status(contract)).isEqualTo(ContractStatus.ACTIVE);
    driver.fireTimer(contract.number(), PERIOD_OVERDUE_TIMER);

    assertThat(contract.instance()).hasPassed(TERM_BILLED);
    assertThat(notices(contract)).containsSubsequence("CONTRACT_PERIOD_DUE", "CONTRACT_PERIOD_OVERDUE", "CONTRACT_SUSPENDED",
        "CONTRACT_PERIOD_DUE", "CONTRACT_PAYMENT_RECEIVED", "CONTRACT_ACTIVE");
  }

  @Test
  void aPeriodPaidAfterItsDueDateButBeforeTheSuspensionKeepsTheContractActive() {
    Contract contract = active(registerThreeMonths());
    driver.fireTimer(contract.number(), PERIOD_DUE_SOON_TIMER);
    driver.fireTimer(contract.number(), PERIOD_OVERDUE_TIMER);

    pay(contract, "PAY-APRIL");
    audit(contract, true, "Received");
    driver.fireTimer(contract.number(), SUSPENSION_TIMER);

    assertThat(status(contract)).isEqualTo(ContractStatus.ACTIVE);
    assertThat(contract.instance()).hasNotPassed(SUSPEND_CONTRACT);
    assertThat(contracts.periods(contract.number()).get(1).lateFee()).as("the late fee April's payment carried")
        .isEqualByComparingTo("0.06");
  }

  @Test
  void aContractMovedOverWithAPeriodUnpaidForTooLongIsSuspendedAtOnceAndTheNextOverduePeriodAnnounced() {
    Contract contract = register(Contracts.maintenance(Billing.MONTHLY, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30),
        "100.00", LocalDate.of(2025, 12, 31)));

    assertThat(contract.instance()).hasPassed(ACTIVATE_CONTRACT, SUSPEND_CONTRACT, SEND_PERIOD_OVERDUE)
        .hasNotPassed(AWAIT_FIRST_PAYMENT).isWaitingAt(SUSPENSION_TIMER);
    assertThat(status(contract)).isEqualTo(ContractStatus.SUSPENDED);
    assertThat(contracts.balance(contract.number()).due())
        .as("January with 56 days' late fee, February with 25, and March, announced and not yet due")
        .isEqualByComparingTo("343.57");
  }

  // --- renewal, extension and the end of the term ---------------------------------------

  @Test
  void aContractTheCustomerDeclinesToRenewEndsWithItsTerm() {
    Contract contract = active(registerThreeMonths());
    invoice(contract, "VAT-C-1");
    terms.decideRenewal(contract.number(), false);

    driver.fireTimer(contract.number(), RENEWAL_REMINDER_TIMER);
    driver.fireTimer(contract.number(), TERM_ENDS_TIMER);

    assertThat(contract.instance()).isEnded().hasPassed(END_ENDED).hasNotPassed(SEND_RENEWAL_REMINDER);
    assertThat(status(contract)).isEqualTo(ContractStatus.ENDED);
    assertThat(notices(contract)).endsWith("CONTRACT_ENDED");
  }

  @Test
  void aContractNeitherRenewedNorEndedIsRemindedTwiceAndExpires() {
    Contract contract = active(registerThreeMonths());
    invoice(contract, "VAT-C-1");

    driver.fireTimer(contract.number(), RENEWAL_REMINDER_TIMER);
    driver.fireTimer(contract.number(), LAST_RENEWAL_REMINDER_TIMER);
    driver.fireTimer(contract.number(), TERM_ENDS_TIMER);

    assertThat(contract.instance()).isEnded().hasPassed(SEND_RENEWAL_REMINDER, SEND_LAST_RENEWAL_REMINDER, END_EXPIRED);
    assertThat(status(contract)).isEqualTo(ContractStatus.EXPIRED);
    assertThat(notices(contract)).containsSubsequence("CONTRACT_RENEWAL_REMINDER", "CONTRACT_RENEWAL_REMINDER",
        "CONTRACT_EXPIRED");
  }

  @Test
  void aRenewalDecidedBetweenTheTwoRemindersStopsTheLastOne() {
    Contract contract = active(registerThreeMonths());
    driver.fireTimer(contract.number(), RENEWAL_REMINDER_TIMER);

    terms.decideRenewal(contract.number(), false);
    driver.fireTimer(contract.number(), LAST_RENEWAL_REMINDER_TIMER);

    assertThat(contract.instance()).hasPassed(SEND_RENEWAL_REMINDER).hasNotPassed(SEND_LAST_RENEWAL_REMINDER);
  }

  @Test
  void anApprovedExtensionKeepsTheServiceUntilItsDayAndThenTheContractExpires() {
    Contract contract = active(registerThreeMonths());
    invoice(contract, "VAT-C-1");

    terms.requestExtension(contract.number(), "Budget approved in July", LocalDate.of(2026, 6, 30));
    driver.complete(contract.number(), REVIEW_EXTENSION, Map.of(EXTENSION_APPROVED.name(), true));
    driver.runAsyncSteps(contract.number());

    assertThat(contracts.get(contract.number()).serviceUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(driver.timer(contract.number(), TERM_ENDS_TIMER).getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-07-01T00:00:00+08:00").toInstant());
    driver.fireTimer(contract.number(), TERM_ENDS_TIMER);
    assertThat(contract.instance()).isEnded().hasPassed(RECORD_EXTENSION_DECISION, END_EXPIRED);
    assertThat(notices(contract)).contains("CONTRACT_EXTENSION_DECIDED");
  }

  @Test
  void aContractBilledOnceForItsWholeTermHasNoFurtherPeriodToAnnounce() {
    Contract contract = active(register(Contracts.maintenance(Billing.ONCE, TODAY, TODAY.plusYears(1).minusDays(1),
        "1200.00", null)));

    assertThat(contract.instance()).hasPassed(TERM_BILLED).hasNotPassed(PERIOD_DUE_SOON_TIMER);
    assertThat(contracts.periods(contract.number())).singleElement()
        .satisfies(period -> assertThat(period.price().gross()).isEqualByComparingTo("1356.00"));
  }

  // --- steps shared by the paths ------------------------------------------------------------

  record Contract(String number, ProcessInstance instance) {}

  private Contract register(ContractRegistration registration) {
    String number = registrations.register(registration, null).contractNumber();
    ProcessInstance instance = driver.processInstance(number);
    driver.runAsyncSteps(number);
    assertThat(number).matches("SC-2026-\\d{6}");
    return new Contract(number, instance);
  }

  /** A contract for March to May 2026, 100.00 CNY a month net: due on 5 March, 5 April (a Sunday) and 5 May. */
  private Contract registerThreeMonths() {
    return register(Contracts.maintenance(Billing.MONTHLY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31), "100.00", null));
  }

  /** Paid and approved; the first payment's invoice stays open. */
  private Contract active(Contract contract) {
    pay(contract, "PAY-FIRST");
    audit(contract, true, "Received");
    assertThat(status(contract)).isEqualTo(ContractStatus.ACTIVE);
    return contract;
  }

  private void invoice(Contract contract, String number) {
    driver.complete(contract.number(), ISSUE_CONTRACT_INVOICE, Map.of(INVOICE_NUMBER.name(), number));
  }

  /** Pays what is due; the gateway's reference is unique across contracts. */
  private void pay(Contract contract, String reference) {
    BigDecimal due = contracts.balance(contract.number()).due();
    payments.receive(contract.number(), contract.number() + "/" + reference, due, "CNY");
    driver.runAsyncSteps(contract.number());
  }

  private void audit(Contract contract, boolean approved, String note) {
    driver.complete(contract.number(), AUDIT_CONTRACT_PAYMENT, Map.of(PAYMENT_APPROVED.name(), approved, AUDIT_NOTE.name(), note));
  }

  private ContractStatus status(Contract contract) {
    return contracts.get(contract.number()).status();
  }

  private List<String> notices(Contract contract) {
    return timeline(contract, "NOTICE").stream().map(detail -> detail.split(" ")[0]).toList();
  }

  private List<String> timeline(Contract contract, String event) {
    return contracts.timeline(contract.number()).stream().filter(entry -> entry.event().equals(event))
        .map(ContractTimelineEntry::detail).toList();
  }
}
