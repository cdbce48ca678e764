-- Submissions made with an Idempotency-Key: the same key and body again return the same case.
CREATE TABLE submission_idempotency (
  idempotency_key VARCHAR(200) PRIMARY KEY,
  request_hash    VARCHAR(64)  NOT NULL,
  rma_number      VARCHAR(20)  NOT NULL REFERENCES rma_case (rma_number),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Payments by the gateway's reference: the same reference twice is one payment.
CREATE TABLE payment (
  reference    VARCHAR(100) PRIMARY KEY,
  rma_number   VARCHAR(20)  NOT NULL REFERENCES rma_case (rma_number),
  amount       NUMERIC(12, 2) NOT NULL,
  currency     VARCHAR(3)   NOT NULL,
  received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE rma_case ADD COLUMN feedback_rating INTEGER;
ALTER TABLE rma_case ADD COLUMN feedback_comment VARCHAR(2000);
ALTER TABLE rma_case ADD COLUMN cancellation_reason VARCHAR(500);
