-- Reorganizations of the org tree (issue 4; core/org/reorganization.hpp). Paths never change: a moved org is a
-- new version (a new row whose predecessor_id names the old one), the old version closes on the day. Each
-- reorganization is one row with its approval record; what it did to each org is in org_history (append-only),
-- and the member moves it made are affiliation_history periods that name it.
ALTER TABLE orgs ADD COLUMN predecessor_id INTEGER REFERENCES orgs(id);
CREATE INDEX orgs_predecessor ON orgs(predecessor_id);

CREATE TABLE reorganizations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('create', 'rename', 'move', 'merge', 'split', 'dissolve')),
    on_date TEXT NOT NULL,
    approval_doc TEXT NOT NULL,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    created_by INTEGER NOT NULL,
    created_by_name TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX reorganizations_path ON reorganizations(org_path, id);

CREATE TABLE org_history (
    id INTEGER PRIMARY KEY,
    reorg_id INTEGER NOT NULL REFERENCES reorganizations(id),
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    event TEXT NOT NULL CHECK (event IN ('created', 'updated', 'moved_in', 'moved_out', 'merged_into', 'received',
                                         'split_off', 'split', 'dissolved')),
    on_date TEXT NOT NULL,
    old_name TEXT NOT NULL DEFAULT '',
    new_name TEXT NOT NULL DEFAULT '',
    other_org_id INTEGER REFERENCES orgs(id)
) STRICT;
CREATE INDEX org_history_org ON org_history(org_id, on_date);
CREATE TRIGGER org_history_no_update BEFORE UPDATE ON org_history
BEGIN SELECT RAISE(ABORT, 'org_history is append-only'); END;
CREATE TRIGGER org_history_no_delete BEFORE DELETE ON org_history
BEGIN SELECT RAISE(ABORT, 'org_history is append-only'); END;

ALTER TABLE affiliation_history ADD COLUMN reorg_id INTEGER REFERENCES reorganizations(id);
