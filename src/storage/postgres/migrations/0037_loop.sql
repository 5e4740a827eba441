-- Closing the loop (PostgreSQL; the same tables as the SQLite migration of this number, with row-level security).
-- event_photos links each photo to the events that carry it (the intake's photos and the after photos of the flow
-- log), so that a photo is read only by those who may read one of its events; 督办 rows are rows of event_flow
-- (action 'supervise'), found through the index.
CREATE TABLE event_photos (
    photo_id text NOT NULL,
    event_id bigint NOT NULL REFERENCES events(id),
    PRIMARY KEY (photo_id, event_id)
);
CREATE INDEX event_photos_event ON event_photos(event_id);
INSERT INTO event_photos (photo_id, event_id)
    SELECT DISTINCT unnest(string_to_array(photo_ids, ',')), id FROM events WHERE photo_ids <> ''
    ON CONFLICT DO NOTHING;
INSERT INTO event_photos (photo_id, event_id)
    SELECT DISTINCT unnest(string_to_array(photo_ids, ',')), event_id FROM event_flow WHERE photo_ids <> ''
    ON CONFLICT DO NOTHING;
CREATE INDEX event_flow_action ON event_flow(action, event_id);

ALTER TABLE event_photos ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_photos FORCE ROW LEVEL SECURITY;
-- Seen (and written) with its event (the function reads events under the same scope: see migration 0032).
CREATE POLICY lx_scope ON event_photos USING (lx_event_visible(event_id)) WITH CHECK (lx_event_visible(event_id));
