-- The floating-member register (流动党员登记, domain.md §5.3), kept by the outflow branch. The formal affiliation
-- stays on the member row; a record is a dated participation link to the org at the destination (流入地党组织),
-- inside this system (in_org_id, in_org_path) or outside it (a name). The outflow side's scope is the member's
-- current org, read through members. At most one open record per member; notes are append-only.
CREATE TABLE floating_records (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    left_on TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('work', 'business', 'study', 'family', 'other')),
    province TEXT NOT NULL,
    city TEXT NOT NULL,
    county TEXT NOT NULL,
    employer TEXT NOT NULL DEFAULT '',
    phone_enc BLOB,
    expected_return TEXT,
    fixed_place INTEGER NOT NULL DEFAULT 1 CHECK (fixed_place IN (0, 1)),
    certificate_no TEXT NOT NULL DEFAULT '',
    cannot_transfer INTEGER NOT NULL DEFAULT 0 CHECK (cannot_transfer IN (0, 1)),
    cannot_transfer_reason TEXT NOT NULL DEFAULT '',
    in_org_id INTEGER REFERENCES orgs(id),
    in_org_path TEXT NOT NULL DEFAULT '',
    in_org_name TEXT NOT NULL DEFAULT '',
    in_since TEXT,
    returned_on TEXT,
    return_note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (returned_on IS NULL OR returned_on >= left_on)
) STRICT;
CREATE INDEX floating_records_member ON floating_records(member_id, id);
CREATE INDEX floating_records_in ON floating_records(in_org_path, id);
CREATE UNIQUE INDEX floating_records_open ON floating_records(member_id) WHERE returned_on IS NULL;

CREATE TABLE floating_notes (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES floating_records(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('report', 'contact', 'participation', 'dues')),
    on_date TEXT NOT NULL,
    text TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('out', 'in')),
    actor_user_id INTEGER NOT NULL,
    actor_name TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    UNIQUE (record_id, seq)
) STRICT;
CREATE TRIGGER floating_notes_no_update BEFORE UPDATE ON floating_notes
BEGIN SELECT RAISE(ABORT, 'floating_notes is append-only'); END;
CREATE TRIGGER floating_notes_no_delete BEFORE DELETE ON floating_notes
BEGIN SELECT RAISE(ABORT, 'floating_notes is append-only'); END;
