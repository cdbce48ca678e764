package io.rmaflow.contract;

/** No contract has this number. */
public class UnknownContractException extends RuntimeException {

  private final String contractNumber;

  public UnknownContractException(String contractNumber) {
    super("There is no contract " + contractNumber + ".");
    this.contractNumber = contractNumber;
  }

  public String contractNumber() {
    return contractNumber;
  }
}
