-- Org imports (issue 4: "Import members and orgs"): an import is of members or of orgs; an org import keeps the org
-- each sheet row created, so that the whole import can be undone for 7 days while the orgs are still empty.
ALTER TABLE imports ADD COLUMN kind TEXT NOT NULL DEFAULT 'members' CHECK (kind IN ('members', 'orgs'));
CREATE TABLE import_orgs (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    row_no INTEGER NOT NULL,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    PRIMARY KEY (import_id, row_no)
) STRICT;
