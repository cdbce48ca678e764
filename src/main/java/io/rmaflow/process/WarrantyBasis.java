package io.rmaflow.process;

/** Which date the warranty runs from (service agreement 2.4); NONE when no date is known. */
public enum WarrantyBasis {
  INVOICE_DATE,
  DELIVERY_DATE,
  SHIPMENT_DATE,
  NONE
}
