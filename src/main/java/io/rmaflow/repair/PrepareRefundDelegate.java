package io.rmaflow.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The refund's first step: what is returned, for finance's task. */
@Component
public class PrepareRefundDelegate implements JavaDelegate {

  private final RefundService refunds;

  PrepareRefundDelegate(RefundService refunds) {
    this.refunds = refunds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    refunds.prepare(execution.getProcessBusinessKey());
  }
}
