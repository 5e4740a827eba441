-- A member's death (党员逝世) is recorded among the status decisions (core/member/status.hpp): the action list of
-- member_status_changes gains 'deceased'. SQLite cannot change a CHECK constraint, so the table is rebuilt with its
-- rows, index and append-only triggers (dropping the old table drops its triggers; nothing refers to it).
CREATE TABLE member_status_changes_new (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    action TEXT NOT NULL CHECK (action IN ('stop', 'restore', 'remove', 'deceased')),
    on_date TEXT NOT NULL,
    ground TEXT NOT NULL DEFAULT '',
    doc_ref TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL
) STRICT;
INSERT INTO member_status_changes_new (id, member_id, action, on_date, ground, doc_ref, reason, recorded_by, recorded_at)
    SELECT id, member_id, action, on_date, ground, doc_ref, reason, recorded_by, recorded_at FROM member_status_changes;
DROP TABLE member_status_changes;
ALTER TABLE member_status_changes_new RENAME TO member_status_changes;
CREATE INDEX member_status_changes_member ON member_status_changes(member_id, id);
CREATE TRIGGER member_status_changes_no_update BEFORE UPDATE ON member_status_changes
BEGIN SELECT RAISE(ABORT, 'member_status_changes is append-only'); END;
CREATE TRIGGER member_status_changes_no_delete BEFORE DELETE ON member_status_changes
BEGIN SELECT RAISE(ABORT, 'member_status_changes is append-only'); END;
