-- Closing the loop (issue 17 "The closed loop"; domain.md §7 "Closure requires evidence (after-photo / reply)",
-- "automatic supervision (督办) on breach"). event_photos links each photo to the events that carry it — the
-- intake's photos and the after photos of a step of the flow log — so that a photo is read only by those who may
-- read one of its events (app/media/photos.hpp). 督办 rows are rows of event_flow (action 'supervise'); the index
-- finds an event's and a queue's 督办 without reading the whole log.
CREATE TABLE event_photos (
    photo_id TEXT NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events(id),
    PRIMARY KEY (photo_id, event_id)
) STRICT;
CREATE INDEX event_photos_event ON event_photos(event_id);
INSERT OR IGNORE INTO event_photos (photo_id, event_id)
    SELECT j.value, e.id FROM events e, json_each('["' || replace(e.photo_ids, ',', '","') || '"]') j
    WHERE e.photo_ids <> '';
INSERT OR IGNORE INTO event_photos (photo_id, event_id)
    SELECT j.value, f.event_id FROM event_flow f, json_each('["' || replace(f.photo_ids, ',', '","') || '"]') j
    WHERE f.photo_ids <> '';
CREATE INDEX event_flow_action ON event_flow(action, event_id);
