-- A resident's own events (issue 17 "Events and their intake", "Bad input", retention of residents' data):
-- reporter_key is the keyed blind index of the verified phone (a resident's events are found by it, never by the
-- number); follow_token_hash the SHA-256 of the follow link's token (the lookup) and follow_token_enc the token
-- encrypted (shown again to its resident). The retention purge blanks name, phone, key and token of events closed
-- event.resident_data_retention_days ago and sets resident_purged_at; the event and its figures stay.
-- resident_report_days counts a phone's reports per day (Asia/Shanghai) in one upsert, for
-- event.resident_reports_per_day: parallel reports cannot pass the limit.
ALTER TABLE events ADD COLUMN reporter_key bytea;
ALTER TABLE events ADD COLUMN follow_token_hash text;
ALTER TABLE events ADD COLUMN follow_token_enc bytea;
ALTER TABLE events ADD COLUMN resident_purged_at bigint;
CREATE INDEX events_reporter ON events(reporter_key, id) WHERE reporter_key IS NOT NULL;
CREATE UNIQUE INDEX events_follow ON events(follow_token_hash) WHERE follow_token_hash IS NOT NULL;
CREATE INDEX events_retention ON events(closed_at) WHERE closed_at IS NOT NULL AND resident_purged_at IS NULL;

CREATE TABLE resident_report_days (
    phone_key bytea NOT NULL,
    day text NOT NULL,
    reports bigint NOT NULL,
    PRIMARY KEY (phone_key, day)
);
