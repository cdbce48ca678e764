-- Customer notices already delivered (or, without a mail server, logged), one row per
-- notice step of a case. Written in its own transaction right after delivery, so that a
-- retried step finds it and does not send the customer the same notice twice.
CREATE TABLE customer_notice (
  notice_key   VARCHAR(200) PRIMARY KEY,
  rma_number   VARCHAR(20)  NOT NULL REFERENCES rma_case (rma_number),
  notice_type  VARCHAR(40)  NOT NULL,
  sent         BOOLEAN      NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_customer_notice_case ON customer_notice (rma_number);
