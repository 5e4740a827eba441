-- Party-mass service positions (党群服务中心, 党群之家; issue 4, domain.md §10.2): each run by one statutory org,
-- scoped by that org's path; coordinates in micro-degrees; the weekly opening hours as canonical text
-- ("mon=08:30-12:00,14:30-18:00;…"); services as ",key,key,". Closed positions keep their row (valid_to).
CREATE TABLE service_positions (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('street_centre', 'community_centre', 'compound_home', 'district_centre')),
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    lat_e6 INTEGER,
    lng_e6 INTEGER,
    area_m2 INTEGER,
    phone TEXT NOT NULL DEFAULT '',
    hours TEXT NOT NULL DEFAULT '',
    services TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((lat_e6 IS NULL) = (lng_e6 IS NULL))
) STRICT;
CREATE INDEX service_positions_path ON service_positions(org_path, id);
