-- Transfers of the organizational relationship (domain.md §5) and the history of formal affiliation.
-- A member has exactly one formal affiliation at any time: the open one is the member row (org_id, org_path,
-- since affiliated_since; NULL = since joining); each earlier one is a closed period in affiliation_history,
-- written when a transfer moves the member. Counts and trees "as of" a date read both.
ALTER TABLE members ADD COLUMN affiliated_since TEXT;

CREATE TABLE transfers (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('within', 'out', 'in')),
    state TEXT NOT NULL CHECK (state IN ('requested', 'issued', 'accepted', 'closed', 'refused', 'cancelled')),
    member_id INTEGER REFERENCES members(id),
    from_org_id INTEGER REFERENCES orgs(id),
    from_org_path TEXT NOT NULL DEFAULT '',
    from_org_name TEXT NOT NULL,
    to_org_id INTEGER REFERENCES orgs(id),
    to_org_path TEXT NOT NULL DEFAULT '',
    to_org_name TEXT NOT NULL,
    placed_org_id INTEGER REFERENCES orgs(id),
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date TEXT NOT NULL,
    ethnicity TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL CHECK (category IN ('full', 'probationary')),
    id_number_enc BLOB,
    id_number_bidx BLOB,
    phone_enc BLOB,
    join_date TEXT,
    conversion_date TEXT,
    reason TEXT NOT NULL DEFAULT '',
    requested_on TEXT NOT NULL,
    letter_serial TEXT NOT NULL DEFAULT '',
    issued_on TEXT,
    valid_days INTEGER NOT NULL DEFAULT 0,
    dues_paid_to TEXT NOT NULL DEFAULT '',
    cross_province INTEGER NOT NULL DEFAULT 0 CHECK (cross_province IN (0, 1)),
    accepted_on TEXT,
    receipt_on TEXT,
    ended_on TEXT,
    end_reason TEXT NOT NULL DEFAULT '',
    due_key TEXT NOT NULL DEFAULT '',
    due_on TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX transfers_from ON transfers(from_org_path, id);
CREATE INDEX transfers_to ON transfers(to_org_path, id);
CREATE INDEX transfers_member ON transfers(member_id, id);
-- At most one open transfer per member.
CREATE UNIQUE INDEX transfers_open ON transfers(member_id)
    WHERE member_id IS NOT NULL AND state IN ('requested', 'issued', 'accepted');

CREATE TABLE transfer_events (
    id INTEGER PRIMARY KEY,
    transfer_id INTEGER NOT NULL REFERENCES transfers(id),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    on_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    actor_user_id INTEGER NOT NULL,
    actor_name TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    UNIQUE (transfer_id, seq)
) STRICT;
CREATE TRIGGER transfer_events_no_update BEFORE UPDATE ON transfer_events
BEGIN SELECT RAISE(ABORT, 'transfer_events is append-only'); END;
CREATE TRIGGER transfer_events_no_delete BEFORE DELETE ON transfer_events
BEGIN SELECT RAISE(ABORT, 'transfer_events is append-only'); END;

CREATE TABLE affiliation_history (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT NOT NULL,
    transfer_id INTEGER REFERENCES transfers(id),
    CHECK (valid_from <= valid_to)
) STRICT;
CREATE INDEX affiliation_history_member ON affiliation_history(member_id, valid_from);
CREATE INDEX affiliation_history_org ON affiliation_history(org_id, valid_from);
CREATE INDEX affiliation_history_path ON affiliation_history(org_path, valid_from);
