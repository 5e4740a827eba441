-- 回访 (call-back) of hotline events (PostgreSQL; same as the SQLite migration of the same number): whether the
-- resident was reached, and the verdict and satisfaction a call-back, a rating or a reopen records.
ALTER TABLE event_flow ADD COLUMN reached smallint CHECK (reached IN (0, 1));
ALTER TABLE event_flow ADD COLUMN outcome text NOT NULL DEFAULT ''
    CHECK (outcome IN ('', 'resolved', 'partly', 'not_resolved'));
ALTER TABLE event_flow ADD COLUMN score bigint NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 5);
