package io.rmaflow.support;

import java.math.BigDecimal;

/**
 * A payment reference sent again with other content. The same payment sent twice is one
 * payment; a reference that came with another amount or currency is not a repeat, and taking
 * it silently would hide a gateway's error or a forged callback.
 */
public class PaymentReferenceReusedException extends RuntimeException {

  public PaymentReferenceReusedException(String reference, BigDecimal amount, String currency) {
    super("The payment reference " + reference + " was already used for a payment of " + amount.toPlainString() + " "
        + currency + "; a payment is repeated with the same amount and currency, and a new one needs its own reference.");
  }

  /** Whether a repeat carries the first payment's content: the same amount (2.0 = 2.00) and currency. */
  public static void check(String reference, BigDecimal firstAmount, String firstCurrency, BigDecimal amount,
      String currency) {
    if (firstAmount.compareTo(amount) != 0 || !firstCurrency.equals(currency)) {
      throw new PaymentReferenceReusedException(reference, firstAmount, firstCurrency);
    }
  }
}
