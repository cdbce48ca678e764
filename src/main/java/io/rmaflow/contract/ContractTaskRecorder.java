package io.rmaflow.contract;

import static io.rmaflow.contract.ContractProcess.Variables.*;

import io.rmaflow.contract.ContractProcess.UserTask;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Files what staff decide in a contract's tasks: the results in its timeline, the invoice number with its payment. */
@Component
class ContractTaskRecorder {

  private final ContractFile contracts;
  private final ContractPaymentService payments;

  ContractTaskRecorder(ContractFile contracts, ContractPaymentService payments) {
    this.contracts = contracts;
    this.payments = payments;
  }

  @EventListener(condition = "#task.eventName == 'complete'")
  public void onTaskCompleted(DelegateTask task) {
    if (!task.getProcessDefinitionId().startsWith(ContractProcess.KEY + ":")) {
      return;
    }
    UserTask.byId(task.getTaskDefinitionKey()).ifPresent(userTask -> {
      String contractNumber = task.getExecution().getProcessBusinessKey();
      if (userTask == UserTask.ISSUE_CONTRACT_INVOICE) {
        payments.recordInvoice(contractNumber, PAYMENT_REFERENCE.get(task), INVOICE_NUMBER.get(task));
      }
      contracts.record(contractNumber, ContractTimelineEvent.TASK_COMPLETED,
          task.getName() + ": " + userTask.outputs().stream().map(output -> output.name() + "=" + output.toStoredOf(task))
              .collect(Collectors.joining(", ")));
    });
  }
}
