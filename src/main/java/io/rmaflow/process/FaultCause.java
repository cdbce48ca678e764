package io.rmaflow.process;

/** Cause of the fault found in diagnosis (service agreement 1.3). */
public enum FaultCause {
  MANUFACTURING_DEFECT,
  MAN_MADE_DAMAGE,
  LIQUID_DAMAGE,
  FORCE_MAJEURE,
  UNAUTHORIZED_MODIFICATION,
  NO_FAULT_FOUND
}
