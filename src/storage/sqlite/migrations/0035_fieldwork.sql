-- 日巡 patrols, 民情面对面 sessions and 大走访 household visits (issue 17 "Events and their intake"; seeds 000, 002, 003).
-- Each is scoped by the path of its org (a patrol's and a visit's: the grid's community). Their items — a patrol's
-- findings, a session's problems, a visit's needs — are fieldwork_items rows keyed by (kind, record, seq); an item
-- raises at most one event (event_id, unique), which links the record and the event both ways. A household's
-- resident name and phone and the 六清楚 answers are encrypted at rest (security.md F1; domain.md §11.2: disability
-- and low income are sensitive); clears_known (how many of the six are clear) is not. No patrol track is kept.
CREATE TABLE patrols (
    id INTEGER PRIMARY KEY,
    grid_id INTEGER NOT NULL REFERENCES grids(id),
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    day TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL DEFAULT '',
    route TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    worker_user_id INTEGER NOT NULL,
    worker_name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX patrols_grid_day ON patrols(grid_id, day);
CREATE INDEX patrols_path_day ON patrols(org_path, day);
CREATE INDEX patrols_worker_day ON patrols(worker_user_id, day);

CREATE TABLE visit_sessions (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    grid_id INTEGER REFERENCES grids(id),
    day TEXT NOT NULL,
    place TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    member_ids TEXT NOT NULL DEFAULT '',
    residents_count INTEGER NOT NULL DEFAULT 0,
    residents_text TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_by INTEGER NOT NULL,
    created_by_name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX visit_sessions_path_day ON visit_sessions(org_path, day);

CREATE TABLE household_visits (
    id INTEGER PRIMARY KEY,
    grid_id INTEGER NOT NULL REFERENCES grids(id),
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    day TEXT NOT NULL,
    building TEXT NOT NULL,
    door TEXT NOT NULL DEFAULT '',
    resident_name_enc BLOB,
    resident_phone_enc BLOB,
    visitor_member_id INTEGER REFERENCES members(id),
    visitor_user_id INTEGER,
    visitor_name TEXT NOT NULL,
    clears_enc BLOB NOT NULL,
    clears_known INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX household_visits_grid_day ON household_visits(grid_id, day);
CREATE INDEX household_visits_path_day ON household_visits(org_path, day);

CREATE TABLE fieldwork_items (
    kind TEXT NOT NULL CHECK (kind IN ('patrol', 'session', 'visit')),
    record_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    photo_ids TEXT NOT NULL DEFAULT '',
    lng_e6 INTEGER,
    lat_e6 INTEGER,
    category_code TEXT NOT NULL DEFAULT '',
    event_id INTEGER REFERENCES events(id),
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (kind, record_id, seq),
    CHECK ((lat_e6 IS NULL) = (lng_e6 IS NULL))
) STRICT;
CREATE UNIQUE INDEX fieldwork_items_event ON fieldwork_items(event_id) WHERE event_id IS NOT NULL;
