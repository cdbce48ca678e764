package io.rmaflow.process;

/** How a device is repaired (service agreement 2.5). */
public enum RepairMethod {
  SOFTWARE_UPDATE,
  PART_REPLACEMENT,
  DEVICE_REPLACEMENT
}
