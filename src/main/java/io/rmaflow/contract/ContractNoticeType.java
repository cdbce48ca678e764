package io.rmaflow.contract;

/** The contract notices (service-contracts.md), each sent by the step of the contract that triggers it. */
public enum ContractNoticeType {
  CONTRACT_REGISTERED,
  CONTRACT_PAYMENT_RECEIVED,
  CONTRACT_PAYMENT_REFUSED,
  CONTRACT_ACTIVE,
  CONTRACT_PERIOD_DUE,
  CONTRACT_PERIOD_OVERDUE,
  CONTRACT_SUSPENDED,
  CONTRACT_RENEWAL_REMINDER,
  CONTRACT_EXTENSION_DECIDED,
  CONTRACT_ENDED,
  CONTRACT_EXPIRED,
  CONTRACT_CANCELLED_UNPAID;

  /** The notice a contract closes with, for the status it ends in. */
  static ContractNoticeType closingNoticeFor(ContractStatus status) {
    return switch (status) {
      case ENDED -> CONTRACT_ENDED;
      case EXPIRED -> CONTRACT_EXPIRED;
      case CANCELLED_UNPAID -> CONTRACT_CANCELLED_UNPAID;
      default -> throw new IllegalArgumentException("A contract does not end " + status);
    };
  }
}
