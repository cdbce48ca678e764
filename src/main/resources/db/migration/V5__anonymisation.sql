-- When a closed case's personal data was removed (service agreement 3.7).
ALTER TABLE rma_case ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_rma_case_closed ON rma_case (status, closed_at);
