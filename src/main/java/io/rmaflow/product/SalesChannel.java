package io.rmaflow.product;

/** Where a unit was bought. Only official channels are eligible (service agreement 1.2). */
public enum SalesChannel {
  OFFICIAL_STORE,
  AUTHORIZED_RESELLER,
  OTHER;

  public boolean isOfficial() {
    return this != OTHER;
  }
}
