-- Party groups (党小组) of a branch and the units a joint branch covers (issue 4; core/org/party_group.hpp). A group
-- is not an org: it has no path of its own, only its branch's. A member is in at most one group (member_id is the
-- key); a membership whose member has left the branch since (a transfer, a reorganization) no longer counts, so
-- moves need not know about groups.
CREATE TABLE party_groups (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    name TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('building', 'yard', 'grid', 'work_unit', 'other')),
    scope_name TEXT NOT NULL DEFAULT '',
    leader_member_id INTEGER REFERENCES members(id),
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX party_groups_org ON party_groups(org_id, id);
CREATE TABLE party_group_members (
    member_id INTEGER PRIMARY KEY REFERENCES members(id),
    group_id INTEGER NOT NULL REFERENCES party_groups(id)
) STRICT;
CREATE INDEX party_group_members_group ON party_group_members(group_id);

CREATE TABLE covered_units (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    unit_type TEXT NOT NULL,
    uscc TEXT NOT NULL DEFAULT '',
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX covered_units_org ON covered_units(org_id, id);
