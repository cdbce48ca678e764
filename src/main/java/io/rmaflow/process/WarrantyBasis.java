package io.rmaflow.process;

/**
 * What the repair's cover rests on: the date the product's warranty runs from (service
 * agreement 2.4; {@code NONE} when no date is known), or, when the product's warranty does not
 * cover it, a service contract or the rework warranty on the centre's own work (001 5, 6).
 */
public enum WarrantyBasis {
  INVOICE_DATE,
  DELIVERY_DATE,
  SHIPMENT_DATE,
  NONE,
  CONTRACT,
  REWORK
}
