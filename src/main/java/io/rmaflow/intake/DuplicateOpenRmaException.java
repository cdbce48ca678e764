package io.rmaflow.intake;

/** The serial number already has an open RMA; a second one is refused (contract step 1). */
public class DuplicateOpenRmaException extends RuntimeException {

  private final String serialNumber;

  public DuplicateOpenRmaException(String serialNumber) {
    super("An open RMA already exists for serial number " + serialNumber);
    this.serialNumber = serialNumber;
  }

  public String serialNumber() {
    return serialNumber;
  }
}
