package io.rmaflow.repair;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A paid repair's price: parts plus labour, with tax shown apart. */
public record Quote(BigDecimal net, BigDecimal tax, BigDecimal gross, String currency) {

  public static Quote of(BigDecimal partsCost, BigDecimal labourCost, BigDecimal taxRate, String currency) {
    BigDecimal net = nonNull(partsCost).add(nonNull(labourCost)).setScale(2, RoundingMode.HALF_UP);
    BigDecimal tax = net.multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
    return new Quote(net, tax, net.add(tax), currency);
  }

  private static BigDecimal nonNull(BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }
}
