package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import io.rmaflow.process.StepKey;
import io.rmaflow.support.PaymentMismatchException;
import io.rmaflow.support.PaymentReferenceReusedException;
import io.rmaflow.support.ProcessMessages;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.Transactions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Payments of service contracts (service-contracts.md, steps 2 to 4). A payment must carry
 * exactly what the contract owes that day, late fees included, in its currency; it counts once
 * per gateway reference; every payment is audited by finance, and an approved one is invoiced.
 * A new contract is in service once its first payment is approved (001 3); a suspended one
 * again once its balance is paid and approved.
 */
@Service
public class ContractPaymentService {

  private final ContractFile contracts;
  private final ContractBilling billing;
  private final ContractNotices notices;
  private final ProcessMessages messages;
  private final RmaClock clock;
  private final Transactions transactions;

  ContractPaymentService(ContractFile contracts, ContractBilling billing, ContractNotices notices,
      RuntimeService runtimeService, RmaClock clock, Transactions transactions) {
    this.contracts = contracts;
    this.billing = billing;
    this.notices = notices;
    this.messages = new ProcessMessages(runtimeService, ContractProcess.KEY);
    this.clock = clock;
    this.transactions = transactions;
  }

  /**
   * Message {@code ContractPaymentReceived}.
   *
   * @return true when this call took the payment, false when the reference was taken before
   * @throws PaymentMismatchException when the amount or currency is not what is owed, or the reference is another contract's
   * @throws ContractNotAwaitingException when nothing is owed now
   */
  public boolean receive(String contractNumber, String reference, BigDecimal amount, String currency) {
    return transactions.retryingOnConflict(() -> take(contractNumber, reference, amount, currency));
  }

  private boolean take(String contractNumber, String reference, BigDecimal amount, String currency) {
    Optional<ContractRepository.Payment> earlier = contracts.payment(reference);
    if (earlier.isPresent()) {
      if (!earlier.get().contractNumber().equals(contractNumber)) {
        throw new PaymentMismatchException("reference", "The payment reference " + reference + " belongs to another contract.");
      }
      PaymentReferenceReusedException.check(reference, earlier.get().amount(), earlier.get().currency(), amount, currency);
      return false;
    }
    ServiceContract contract = contracts.get(contractNumber);
    if (contract.status().isClosed()) {
      throw new ContractNotAwaitingException("Contract " + contractNumber + " has " + contract.status().name()
          .toLowerCase().replace('_', ' ') + "; it takes no more payments. This payment should be returned to the customer.");
    }
    LocalDate today = clock.today();
    List<ContractPeriod> periods = contracts.periods(contractNumber);
    ContractBilling.Balance balance = billing.balance(periods, contract.currency(), today);
    if (balance.payable().isEmpty()) {
      throw new ContractNotAwaitingException(contract.status() == ContractStatus.IN_AUDIT
          ? "Contract " + contractNumber + " owes nothing now: its payment is being audited."
          : "Contract " + contractNumber + " owes nothing now; the next period can be paid from "
              + periods.stream().filter(period -> !period.isPaid()).map(ContractPeriod::opensOn).min(LocalDate::compareTo)
                  .map(LocalDate::toString).orElse("no date: every period is paid") + ".");
    }
    if (!contract.currency().equals(currency)) {
      throw new PaymentMismatchException("currency", "The contract is billed in " + contract.currency() + ", the payment is in "
          + currency + ".");
    }
    if (balance.due().compareTo(amount) != 0) {
      throw new PaymentMismatchException("amount", "Contract " + contractNumber + " owes " + balance.due().toPlainString() + " "
          + contract.currency() + " today (" + ContractFile.describe(balance.payable()) + ", late fees included); the payment is "
          + amount.toPlainString() + ".");
    }
    contracts.recordPaymentReceived(contractNumber, reference, amount, currency, balance.payable(), today);
    ContractStatus status = contract.status();
    if (status == ContractStatus.AWAITING_PAYMENT && contracts.changeStatus(contractNumber, ContractStatus.IN_AUDIT)) {
      status = ContractStatus.IN_AUDIT;
    }
    Map<String, Object> local = new HashMap<>();
    PAYMENT_REFERENCE.putInto(local, reference);
    PAYMENT_AMOUNT.putInto(local, amount);
    PAYMENT_CURRENCY.putInto(local, currency);
    PAYMENT_COVERS.putInto(local, ContractFile.describe(balance.payable()));
    messages.correlateWithLocalVariables(contractNumber, ContractProcess.Messages.PAYMENT_RECEIVED, local,
        () -> new ContractNotAwaitingException("Contract " + contractNumber + " takes no payment now."));
    Map<String, Object> global = new HashMap<>();
    CONTRACT_STATUS.putInto(global, status);
    PAID_THROUGH.putInto(global, billing.paidThrough(contracts.periods(contractNumber)).orElse(null));
    messages.setVariables(contractNumber, global);
    return true;
  }

  /** Finance approved the payment: what it settles stays settled, the contract serves (again). */
  Approval approve(String contractNumber, String reference, String note, StepKey step) {
    contracts.recordPaymentApproved(contractNumber, reference, note);
    ServiceContract contract = contracts.get(contractNumber);
    ContractStatus status = contract.status();
    if (status == ContractStatus.IN_AUDIT) {
      contracts.startService(contractNumber);
      status = ContractStatus.ACTIVE;
    } else if (status == ContractStatus.SUSPENDED && contracts.balance(contractNumber).overdueLateFees().signum() == 0
        && contracts.changeStatus(contractNumber, ContractStatus.ACTIVE)) {
      status = ContractStatus.ACTIVE;
      notices.send(step, contractNumber, ContractNoticeType.CONTRACT_ACTIVE, null, null);
    }
    RenewalDecision renewal = contract.renewal();
    if (renewal == RenewalDecision.REQUESTED && contracts.periods(contractNumber).stream()
        .filter(period -> period.term() == contract.term() + 1).allMatch(ContractPeriod::isPaid)) {
      contracts.recordRenewal(contractNumber, RenewalDecision.PAID);
      renewal = RenewalDecision.PAID;
    }
    return new Approval(status, renewal);
  }

  /** Finance refused the payment: it settles nothing, and the customer is told why. */
  Refusal refuse(String contractNumber, String reference, String reason, StepKey step) {
    contracts.recordPaymentRefused(contractNumber, reference, reason);
    ContractStatus status = contracts.get(contractNumber).status();
    if (status == ContractStatus.IN_AUDIT && contracts.changeStatus(contractNumber, ContractStatus.AWAITING_PAYMENT)) {
      status = ContractStatus.AWAITING_PAYMENT;
    }
    notices.send(step, contractNumber, ContractNoticeType.CONTRACT_PAYMENT_REFUSED, null, reference);
    return new Refusal(status, billing.paidThrough(contracts.periods(contractNumber)).orElse(null));
  }

  /** The invoice finance issued for an approved payment (002 第三条(四)). */
  void recordInvoice(String contractNumber, String reference, String invoiceNumber) {
    contracts.recordInvoice(contractNumber, reference, invoiceNumber);
  }

  record Approval(ContractStatus status, RenewalDecision renewal) {}

  record Refusal(ContractStatus status, LocalDate paidThrough) {}
}
