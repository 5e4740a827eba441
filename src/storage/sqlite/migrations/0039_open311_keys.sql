-- Open311 api keys (issue 17 "Open interfaces"; core/ports/open311_records.hpp): issued by an admin on an org, a key
-- posts service requests only into that org's subtree. Only the SHA-256 of the key is kept (key_hash), with its
-- last 4 characters for the masked list; a revoked key keeps its row (revoked_at, revoked_by) for the audit trail.
CREATE TABLE open311_keys (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    last4 TEXT NOT NULL,
    created_by INTEGER NOT NULL,
    created_by_name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    revoked_by INTEGER,
    last_used_at INTEGER
) STRICT;
CREATE INDEX open311_keys_org ON open311_keys(org_path, id);
