-- Member imports (issue 4 "Import and export"): one row per committed import with its counts and the file's
-- SHA-256 (never the file), and one row per written sheet row so that the whole import can be undone for 7
-- days. member_id has no foreign key: undoing an import deletes the members it created, the record stays.
-- prior_enc holds the contact fields an update replaced (encrypted, as the member row keeps them).
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    created_by INTEGER NOT NULL,
    created_by_name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    rows_create INTEGER NOT NULL,
    rows_update INTEGER NOT NULL,
    rows_unchanged INTEGER NOT NULL,
    rows_error INTEGER NOT NULL,
    undone_at INTEGER,
    undone_by INTEGER,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX imports_path ON imports(org_path, id);
CREATE TABLE import_rows (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    row_no INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    created INTEGER NOT NULL CHECK (created IN (0, 1)),
    version_after INTEGER NOT NULL,
    prior_enc BLOB,
    PRIMARY KEY (import_id, row_no)
) STRICT;
