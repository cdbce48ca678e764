-- Notices go to customers of cases and of service contracts: the column holds either number.
ALTER TABLE customer_notice RENAME COLUMN rma_number TO reference;
