-- Overlays (issue 4 "Organizations"; core/org/overlay.hpp): the non-statutory coordination bodies of domain.md §1.4 —
-- 大工委, 大党委, 联合党委, 联盟 and 联席会议 — led by a host org and scoped by its path. They are never orgs: no
-- org refers to them, and nothing here changes an org's parent or a member's org_id / org_path (domain.md §1.6).
-- Member units carry their head (兼职委员: a name and post, or a registry member) and their position in the
-- rotating convenor's roster; the rotation's period and start are on the overlay (configuration, never constants).
CREATE TABLE overlays (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('big_working_committee', 'big_party_committee', 'joint_committee', 'alliance',
                                       'joint_meeting')),
    name TEXT NOT NULL,
    host_org_id INTEGER NOT NULL REFERENCES orgs(id),
    host_org_path TEXT NOT NULL,
    founded_on TEXT NOT NULL,
    meeting_period_months INTEGER NOT NULL DEFAULT 0,
    last_meeting_on TEXT,
    rotation_period_months INTEGER NOT NULL DEFAULT 0,
    rotation_start TEXT,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX overlays_host ON overlays(host_org_path, id);
CREATE INDEX overlays_host_org ON overlays(host_org_id);

CREATE TABLE overlay_units (
    id INTEGER PRIMARY KEY,
    overlay_id INTEGER NOT NULL REFERENCES overlays(id),
    name TEXT NOT NULL,
    unit_type TEXT NOT NULL CHECK (unit_type IN ('organ', 'soe', 'public_institution', 'non_public_enterprise',
                                                 'social_org', 'police', 'property_company', 'school', 'hospital',
                                                 'other')),
    uscc TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    two_new INTEGER NOT NULL DEFAULT 0 CHECK (two_new IN (0, 1)),
    joined_on TEXT NOT NULL,
    left_on TEXT,
    head_name TEXT NOT NULL DEFAULT '',
    head_post TEXT NOT NULL DEFAULT '',
    head_member_id INTEGER REFERENCES members(id),
    roster_pos INTEGER,
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX overlay_units_overlay ON overlay_units(overlay_id, id);
CREATE UNIQUE INDEX overlay_units_roster ON overlay_units(overlay_id, roster_pos) WHERE roster_pos IS NOT NULL;

-- Dual identity (双重身份, domain.md §5.4): a participation link with its dates; the formal affiliation stays on
-- the member row. At most one open link per overlay and member.
CREATE TABLE overlay_links (
    id INTEGER PRIMARY KEY,
    overlay_id INTEGER NOT NULL REFERENCES overlays(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX overlay_links_open ON overlay_links(overlay_id, member_id) WHERE valid_to IS NULL;
CREATE INDEX overlay_links_member ON overlay_links(member_id);
