-- The searches by e-mail ignore its case. Each table keeps the address as the search compares it,
-- beside the one the customer gave, so that an index serves the search: H2 indexes no expression.
-- The case search's page reads its index in order and stops after the page: newest first, by
-- status or by e-mail, among every case the centre ever had.
ALTER TABLE rma_case ADD COLUMN customer_email_key VARCHAR(254);
UPDATE rma_case SET customer_email_key = LOWER(customer_email);
ALTER TABLE rma_case ALTER COLUMN customer_email_key SET NOT NULL;
DROP INDEX ix_rma_case_email;
CREATE INDEX ix_rma_case_email_key ON rma_case (customer_email_key, created_at, rma_number);
-- ix_rma_case_closed (status, closed_at) and ix_rma_case_serial_closed (serial_number, closed_at)
-- serve the look-ups by status or by serial number alone.
DROP INDEX ix_rma_case_status;
DROP INDEX ix_rma_case_serial;
CREATE INDEX ix_rma_case_status_created ON rma_case (status, created_at, rma_number);

ALTER TABLE service_contract ADD COLUMN customer_email_key VARCHAR(254);
UPDATE service_contract SET customer_email_key = LOWER(customer_email);
ALTER TABLE service_contract ALTER COLUMN customer_email_key SET NOT NULL;
DROP INDEX ix_service_contract_email;
CREATE INDEX ix_service_contract_email_key ON service_contract (customer_email_key);
