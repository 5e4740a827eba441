-- Org imports (PostgreSQL; same as the SQLite migration of the same number).
ALTER TABLE imports ADD COLUMN kind text NOT NULL DEFAULT 'members' CHECK (kind IN ('members', 'orgs'));
CREATE TABLE import_orgs (
    import_id bigint NOT NULL REFERENCES imports(id),
    row_no integer NOT NULL,
    org_id bigint NOT NULL REFERENCES orgs(id),
    PRIMARY KEY (import_id, row_no)
);
