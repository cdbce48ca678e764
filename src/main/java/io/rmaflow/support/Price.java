package io.rmaflow.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount the customer is asked to pay: net, the tax on it, and their sum, in one currency.
 * Prices are net of tax by the service terms (001 3), so tax is always computed from the net.
 *
 * <p>The one rounding rule of RMA Flow: every amount that is stored, shown or compared is
 * rounded to the cent (scale 2) half up, the rounding of Chinese VAT invoices. A computed
 * amount is rounded once, where it is computed; sums of rounded amounts are not rounded again.
 */
public record Price(BigDecimal net, BigDecimal tax, BigDecimal gross, String currency) {

  public static final int SCALE = 2;
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  /** Rounds an amount by the rule above. */
  public static BigDecimal round(BigDecimal amount) {
    return amount.setScale(SCALE, ROUNDING);
  }

  /** The net amount rounded, tax at {@code taxRate} on it rounded, and their sum. */
  public static Price ofNet(BigDecimal net, BigDecimal taxRate, String currency) {
    BigDecimal roundedNet = round(net);
    BigDecimal tax = round(roundedNet.multiply(taxRate));
    return new Price(roundedNet, tax, roundedNet.add(tax), currency);
  }
}
