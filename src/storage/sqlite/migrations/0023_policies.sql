-- The policy store (issue 16; core/policy/policies.hpp): each [LOCAL]/[UNKNOWN] figure of domain.md set for an
-- org subtree from a date, with its decision document (文号) and who set it. Append-only: a change closes the
-- open row (valid_to, exclusive) and inserts a new one; rows are never deleted. No personal data, so no
-- row-level security: an org reads the settings of its ancestors, which lie outside its subtree.
CREATE TABLE policies (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    value TEXT NOT NULL,
    doc TEXT NOT NULL,
    set_by INTEGER NOT NULL,
    set_by_name TEXT NOT NULL,
    set_at INTEGER NOT NULL
) STRICT;
CREATE INDEX policies_path ON policies(org_path, key);
