-- Duplicate events (issue 17 "Duplicates"): "same problem?" looks up the open events of one category reported in
-- a window of days around a report (core/event/duplicate.hpp); the box of coordinates is checked on those rows.
-- A merge needs no column of its own: the duplicate is dismissed with mark_kind 'duplicate' and duplicate_of set.
CREATE INDEX events_duplicate_window ON events(category_code, reported_at);
