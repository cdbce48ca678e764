package io.rmaflow.contract;

import java.util.List;

/** A unit of the registration is already covered by another open contract on some of its days. */
public class ContractOverlapException extends RuntimeException {

  public ContractOverlapException(List<String> serials, List<String> contracts) {
    super("The units " + String.join(", ", serials) + " are already covered by the open contract"
        + (contracts.size() == 1 ? " " : "s ") + String.join(", ", contracts) + " on some of the same days.");
  }
}
