-- Posts on a party organization's committee (domain.md §1.2, §1.3): secretary, deputy, organization,
-- publicity, discipline and ordinary committee members, each with the term it was elected for and its own
-- valid-from/valid-to, so that a committee can be asked "as of" any past date.
CREATE TABLE org_posts (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    post TEXT NOT NULL CHECK (post IN ('secretary', 'deputy_secretary', 'organization', 'publicity', 'discipline', 'member')),
    term_start TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    approval_doc TEXT NOT NULL DEFAULT '',
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX org_posts_org ON org_posts(org_id, valid_from);
