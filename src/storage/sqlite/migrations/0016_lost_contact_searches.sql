-- The search for lost-contact members (寻找失联党员记录, domain.md §2.5; seed 004 "党组织找党员"): one append-only
-- entry per attempt — the day, how, who searched (free text, not a member), what came of it and whether contact
-- was restored. Stopping party status on the ground of lost contact needs an entry of the episode first.
CREATE TABLE lost_contact_searches (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    on_date TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('phone', 'visit', 'letter', 'relatives', 'former_employer', 'notice', 'other')),
    searched_by TEXT NOT NULL,
    result TEXT NOT NULL,
    found INTEGER NOT NULL DEFAULT 0 CHECK (found IN (0, 1)),
    actor_user_id INTEGER NOT NULL,
    actor_name TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX lost_contact_searches_member ON lost_contact_searches(member_id, on_date, id);
CREATE TRIGGER lost_contact_searches_no_update BEFORE UPDATE ON lost_contact_searches
BEGIN SELECT RAISE(ABORT, 'lost_contact_searches is append-only'); END;
CREATE TRIGGER lost_contact_searches_no_delete BEFORE DELETE ON lost_contact_searches
BEGIN SELECT RAISE(ABORT, 'lost_contact_searches is append-only'); END;
