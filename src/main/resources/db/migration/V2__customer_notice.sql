-- Customer notices already delivered (or, without a mail server, logged), one row per
-- notice step of a case. Written in its own transaction right after delivery, so that a
-- retried step finds it and does not send the customer the same notice twice.
-- No foreign key to rma_case: the sending step may hold its case row locked (closing a case
-- updates the unique open_serial_number, PostgreSQL's strongest row lock), and a key check
-- from this separate transaction would wait for that step on the same thread for ever.
CREATE TABLE customer_notice (
  notice_key   VARCHAR(200) PRIMARY KEY,
  rma_number   VARCHAR(20)  NOT NULL,
  notice_type  VARCHAR(40)  NOT NULL,
  sent         BOOLEAN      NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_customer_notice_case ON customer_notice (rma_number);
