-- Grids (网格; issue 17, domain.md §7.1): each in one community-level org, scoped by that org's path, with the
-- 15-digit code (unique), counts, buildings (one a line), the leader and the covering branch or party group;
-- grid_team holds the 1+1+N team in order; grid_versions the effective-dated boundaries as WKT (WGS-84 lng/lat,
-- never GCJ-02) with their bounding box in integer 1e-7 degrees, rounded outwards.
CREATE TABLE grids (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    households INTEGER NOT NULL DEFAULT 0,
    residents INTEGER NOT NULL DEFAULT 0,
    buildings TEXT NOT NULL DEFAULT '',
    leader_member_id INTEGER,
    leader_user_id INTEGER,
    leader_name TEXT NOT NULL DEFAULT '',
    leader_phone TEXT NOT NULL DEFAULT '',
    covering_org_id INTEGER REFERENCES orgs(id),
    covering_group_id INTEGER REFERENCES party_groups(id),
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX grids_code ON grids(code);
CREATE INDEX grids_path ON grids(org_path, code);
CREATE INDEX grids_org ON grids(org_id);

CREATE TABLE grid_team (
    id INTEGER PRIMARY KEY,
    grid_id INTEGER NOT NULL REFERENCES grids(id),
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('worker', 'member', 'volunteer')),
    post TEXT NOT NULL CHECK (post IN ('', 'regular', 'specialty', 'emergency')),
    member_id INTEGER,
    user_id INTEGER,
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX grid_team_grid ON grid_team(grid_id, position);

CREATE TABLE grid_versions (
    id INTEGER PRIMARY KEY,
    grid_id INTEGER NOT NULL REFERENCES grids(id),
    boundary_wkt TEXT NOT NULL,
    min_lng_e7 INTEGER NOT NULL,
    min_lat_e7 INTEGER NOT NULL,
    max_lng_e7 INTEGER NOT NULL,
    max_lat_e7 INTEGER NOT NULL,
    area_m2 INTEGER NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    created_by INTEGER,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX grid_versions_grid ON grid_versions(grid_id, valid_from);

-- The spatial index of the boxes (SQLite's R*Tree with integer coordinates; id = grid_versions.id). PostgreSQL
-- has a GiST index over the box columns instead: the schema conformance test names this table and its shadow
-- tables as the one SQLite-only exception (storage/testing/schema_test.cpp).
CREATE VIRTUAL TABLE grid_boxes USING rtree_i32(id, min_lng_e7, max_lng_e7, min_lat_e7, max_lat_e7);
