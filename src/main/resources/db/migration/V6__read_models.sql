-- Read models that modules keep of other modules' events (ADR 15), so that no module reads
-- another's tables.

-- insight: every closed case's turnaround, from the case-closed event.
CREATE TABLE insight_turnaround (
  rma_number   VARCHAR(20)  PRIMARY KEY,
  resolution   VARCHAR(32)  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_insight_turnaround_closed ON insight_turnaround (closed_at);
INSERT INTO insight_turnaround (rma_number, resolution, created_at, closed_at)
  SELECT rma_number, resolution, created_at, closed_at FROM rma_case WHERE status = 'CLOSED';

-- sla: each case's service-level clock: when remote triage was due to be answered and resolved,
-- when it was, and how the case ended.
CREATE TABLE sla_case (
  rma_number         VARCHAR(20)  PRIMARY KEY,
  priority           VARCHAR(10)  NOT NULL,
  response_due_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  resolution_due_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  responded_at       TIMESTAMP WITH TIME ZONE,
  resolved_at        TIMESTAMP WITH TIME ZONE,
  closed_at          TIMESTAMP WITH TIME ZONE,
  resolution         VARCHAR(32)
);
