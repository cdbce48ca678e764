package io.rmaflow.warranty;

import static io.rmaflow.process.RmaProcess.Variables.PROOF_DUE_BY;
import static io.rmaflow.process.RmaProcess.Variables.PROOF_REQUESTED;

import io.rmaflow.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RequestProofDelegate implements JavaDelegate {

  private final WarrantyService warranty;

  public RequestProofDelegate(WarrantyService warranty) {
    this.warranty = warranty;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PROOF_DUE_BY.set(execution, warranty.requestProof(execution.getProcessBusinessKey(), StepKey.of(execution)));
    PROOF_REQUESTED.set(execution, true);
  }
}
