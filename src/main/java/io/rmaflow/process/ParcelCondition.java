package io.rmaflow.process;

/** Condition of an arriving parcel (service agreement 3.6). */
public enum ParcelCondition {
  INTACT,
  DAMAGED,
  LIQUID_DAMAGED
}
