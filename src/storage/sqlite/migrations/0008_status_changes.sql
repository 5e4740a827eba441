-- Decisions on party status (domain.md §2.5): stop, restore, remove — each with its day, ground, record and the
-- person who entered it; append-only. members.status_since is the day of the last one.
ALTER TABLE members ADD COLUMN status_since TEXT;
CREATE TABLE member_status_changes (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    action TEXT NOT NULL CHECK (action IN ('stop', 'restore', 'remove')),
    on_date TEXT NOT NULL,
    ground TEXT NOT NULL DEFAULT '',
    doc_ref TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX member_status_changes_member ON member_status_changes(member_id, id);
CREATE TRIGGER member_status_changes_no_update BEFORE UPDATE ON member_status_changes
BEGIN SELECT RAISE(ABORT, 'member_status_changes is append-only'); END;
CREATE TRIGGER member_status_changes_no_delete BEFORE DELETE ON member_status_changes
BEGIN SELECT RAISE(ABORT, 'member_status_changes is append-only'); END;
