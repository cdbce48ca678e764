package io.rmaflow.report;

/** No service report of the contract for that month. */
public class UnknownReportException extends RuntimeException {

  public UnknownReportException(String contractNumber, String month) {
    super("Contract " + contractNumber + " has no service report for " + month
        + ": reports are made on the first working day of the following month, for months the contract served in.");
  }
}
