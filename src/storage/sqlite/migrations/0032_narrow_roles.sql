-- Narrowed roles (issue 17 "Roles and access", core/auth/narrow_scope.hpp). A grid worker's or grid leader's grant
-- lies on a community and names some of its grids (role_grant_grids); a unit liaison's grant lies on an overlay's
-- host org and names one member unit (role_grants.overlay_unit_id). event_whistle_paths holds, for each whistle
-- (吹哨), the path through which its target sees the event: the department's own path, or the host org of the
-- overlay whose member unit was whistled (PostgreSQL's row-level security reads it; SQLite keeps it the same).
ALTER TABLE role_grants ADD COLUMN overlay_unit_id INTEGER REFERENCES overlay_units(id);

CREATE TABLE role_grant_grids (
    grant_id INTEGER NOT NULL REFERENCES role_grants(id) ON DELETE CASCADE,
    grid_id INTEGER NOT NULL REFERENCES grids(id),
    PRIMARY KEY (grant_id, grid_id)
) STRICT;
CREATE INDEX role_grant_grids_grid ON role_grant_grids(grid_id);

CREATE TABLE event_whistle_paths (
    whistle_id INTEGER PRIMARY KEY REFERENCES event_whistles(id),
    event_id INTEGER NOT NULL REFERENCES events(id),
    target_org_path TEXT NOT NULL
) STRICT;
CREATE INDEX event_whistle_paths_event ON event_whistle_paths(event_id);
CREATE INDEX event_whistle_paths_path ON event_whistle_paths(target_org_path);
INSERT INTO event_whistle_paths (whistle_id, event_id, target_org_path)
    SELECT id, event_id, target_org_path FROM event_whistles WHERE target_org_path IS NOT NULL;
INSERT INTO event_whistle_paths (whistle_id, event_id, target_org_path)
    SELECT w.id, w.event_id, o.host_org_path FROM event_whistles w
    JOIN overlay_units u ON u.id = w.overlay_unit_id JOIN overlays o ON o.id = u.overlay_id
    WHERE w.target_org_path IS NULL;
