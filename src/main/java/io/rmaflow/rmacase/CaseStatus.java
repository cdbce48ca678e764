package io.rmaflow.rmacase;

/** Where a case stands, as reported by the API and reports. */
public enum CaseStatus {
  SUBMITTED,
  IN_REMOTE_DIAGNOSIS,
  ON_SITE_SCHEDULED,
  AWAITING_DEVICE,
  IN_INSPECTION,
  IN_DIAGNOSIS,
  AWAITING_PROOF,
  AWAITING_PAYMENT,
  IN_REPAIR,
  IN_QUALITY_CHECK,
  AWAITING_REFUND,
  AWAITING_RETURN_SHIPMENT,
  CLOSED
}
