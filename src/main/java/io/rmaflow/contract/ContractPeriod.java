package io.rmaflow.contract;

import io.rmaflow.support.Price;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A billing period as the contract file keeps it. A period can be paid from {@code opensOn};
 * {@code paidAt} is when the payment that settled it was received, {@code lateFee} what that
 * payment carried for it. Periods settled in the customer's former system, before the contract
 * was registered here, have no payment of ours.
 */
public record ContractPeriod(long id, int term, LocalDate from, LocalDate to, Price price, LocalDate dueOn,
    LocalDate opensOn, OffsetDateTime paidAt, BigDecimal lateFee, String paymentReference,
    boolean paidBeforeRegistration) {

  public boolean isPaid() {
    return paidAt != null || paidBeforeRegistration;
  }
}
