-- Narrowed roles (PostgreSQL; the same tables as the SQLite migration of this number, with row-level security).
-- A grid worker's or grid leader's grant lies on a community and names some of its grids (role_grant_grids); a
-- unit liaison's grant lies on an overlay's host org and names one member unit (role_grants.overlay_unit_id).
-- event_whistle_paths holds, for each whistle (吹哨), the path through which its target sees the event: the
-- department's own path, or the host org of the overlay whose member unit was whistled. The events policy reads
-- it (a whistled department sees the event, issue 17); it is a table of its own, scoped by its own path, so that
-- the policies of events and event_whistles (which reads events) do not recurse.
ALTER TABLE role_grants ADD COLUMN overlay_unit_id bigint REFERENCES overlay_units(id);

CREATE TABLE role_grant_grids (
    grant_id bigint NOT NULL REFERENCES role_grants(id) ON DELETE CASCADE,
    grid_id bigint NOT NULL REFERENCES grids(id),
    PRIMARY KEY (grant_id, grid_id)
);
CREATE INDEX role_grant_grids_grid ON role_grant_grids(grid_id);

CREATE TABLE event_whistle_paths (
    whistle_id bigint PRIMARY KEY REFERENCES event_whistles(id),
    event_id bigint NOT NULL REFERENCES events(id),
    target_org_path text COLLATE "C" NOT NULL
);
CREATE INDEX event_whistle_paths_event ON event_whistle_paths(event_id);
CREATE INDEX event_whistle_paths_path ON event_whistle_paths(target_org_path);
INSERT INTO event_whistle_paths (whistle_id, event_id, target_org_path)
    SELECT id, event_id, target_org_path FROM event_whistles WHERE target_org_path IS NOT NULL;
INSERT INTO event_whistle_paths (whistle_id, event_id, target_org_path)
    SELECT w.id, w.event_id, o.host_org_path FROM event_whistles w
    JOIN overlay_units u ON u.id = w.overlay_unit_id JOIN overlays o ON o.id = u.overlay_id
    WHERE w.target_org_path IS NULL;

ALTER TABLE event_whistle_paths ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_whistle_paths FORCE ROW LEVEL SECURITY;
-- Read by its own path only (no sub-select: the events policy reads this table); written by whoever sees the
-- event (the whistle's department usually lies outside the whistling street's subtree); never changed.
CREATE POLICY lx_scope ON event_whistle_paths FOR SELECT USING (
    (target_org_path >= (SELECT lx_scope_lo()) AND target_org_path < (SELECT lx_scope_hi()))
    OR target_org_path LIKE ANY ((SELECT lx_scope_rest())::text[]));
-- The check reads events through a PL/pgSQL function: a sub-select here would put events (whose policy reads
-- this table) into this policy's expansion, which PostgreSQL refuses as recursion; a function's query is planned on
-- its own, under the same scope (an invoker's function: the events policy applies inside it).
CREATE FUNCTION lx_event_visible(event bigint) RETURNS boolean LANGUAGE plpgsql STABLE SET search_path FROM CURRENT AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM events e WHERE e.id = event);
END $$;
CREATE POLICY lx_scope_insert ON event_whistle_paths FOR INSERT WITH CHECK (lx_event_visible(event_id));

-- An event is seen where its place, its accepting org or its assignee lies, and by the targets of its whistles.
DROP POLICY lx_scope ON events;
CREATE POLICY lx_scope ON events USING (
    (org_path >= (SELECT lx_scope_lo()) AND org_path < (SELECT lx_scope_hi()))
    OR org_path LIKE ANY ((SELECT lx_scope_rest())::text[])
    OR (owner_org_path >= (SELECT lx_scope_lo()) AND owner_org_path < (SELECT lx_scope_hi()))
    OR owner_org_path LIKE ANY ((SELECT lx_scope_rest())::text[])
    OR (assignee_org_path >= (SELECT lx_scope_lo()) AND assignee_org_path < (SELECT lx_scope_hi()))
    OR assignee_org_path LIKE ANY ((SELECT lx_scope_rest())::text[])
    OR EXISTS (SELECT 1 FROM event_whistle_paths p WHERE p.event_id = events.id));
