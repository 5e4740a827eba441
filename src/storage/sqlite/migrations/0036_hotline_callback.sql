-- 回访 (call-back) of hotline events (issue 17 "The closed loop": "Hotline events get a call-back (回访) record";
-- domain.md §7: "call-back records 'contacted in time? resolved? satisfied?'"). A call-back is one more row of the
-- append-only event_flow: whether the resident was reached (NULL on every other step), and what a rating records
-- — the verdict (resolved | partly | not_resolved) and the satisfaction 1–5 — for a call-back, a rating and a
-- reopen alike. The import of work orders needs no table of its own: it is idempotent by the channel's 工单编号
-- (events_external_ref, migration 0029) and audited with its counts and the file's SHA-256.
ALTER TABLE event_flow ADD COLUMN reached INTEGER CHECK (reached IN (0, 1));
ALTER TABLE event_flow ADD COLUMN outcome TEXT NOT NULL DEFAULT ''
    CHECK (outcome IN ('', 'resolved', 'partly', 'not_resolved'));
ALTER TABLE event_flow ADD COLUMN score INTEGER NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 5);
