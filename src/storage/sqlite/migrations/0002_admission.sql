-- The development pipeline (domain.md §2): a candidate (applicant, activist, development target) and the
-- append-only steps that make its record. The candidate row keeps identity, the current stage and the next
-- due date for the board; every other fact is derived from the steps. Members may leave the registry
-- (disqualified, removed, deceased) and stay in history with the day and reason.
CREATE TABLE candidates (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    ethnicity TEXT NOT NULL DEFAULT '',
    birth_date TEXT NOT NULL,
    id_number_enc BLOB NOT NULL,
    id_number_bidx BLOB NOT NULL UNIQUE,
    phone_enc BLOB,
    phone_bidx BLOB,
    education TEXT NOT NULL DEFAULT '',
    work_unit TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL CHECK (stage IN ('applicant', 'activist', 'target', 'probationary', 'full', 'disqualified')),
    applied_on TEXT NOT NULL,
    due_key TEXT NOT NULL DEFAULT '',
    due_on TEXT,
    member_id INTEGER REFERENCES members(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX candidates_path ON candidates(org_path, id);

CREATE TABLE candidate_steps (
    id INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidates(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    on_date TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    doc_ref TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    people TEXT NOT NULL DEFAULT '',
    vote TEXT NOT NULL DEFAULT '',
    training_days INTEGER NOT NULL DEFAULT 0,
    training_hours INTEGER NOT NULL DEFAULT 0,
    decision TEXT NOT NULL DEFAULT '',
    extension_months INTEGER NOT NULL DEFAULT 0,
    higher_approval INTEGER NOT NULL DEFAULT 0 CHECK (higher_approval IN (0, 1)),
    recorded_by INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    UNIQUE (candidate_id, seq)
) STRICT;
CREATE TRIGGER candidate_steps_no_update BEFORE UPDATE ON candidate_steps
BEGIN SELECT RAISE(ABORT, 'candidate_steps is append-only'); END;
CREATE TRIGGER candidate_steps_no_delete BEFORE DELETE ON candidate_steps
BEGIN SELECT RAISE(ABORT, 'candidate_steps is append-only'); END;

ALTER TABLE members ADD COLUMN left_on TEXT;
ALTER TABLE members ADD COLUMN left_reason TEXT NOT NULL DEFAULT '';
