-- Login throttling (issue 15 defect 7; core/auth/throttle.hpp) replaces the account lock: failures are counted
-- per (name, source address) and per source address, so that nobody can lock another person out. Keys are keyed
-- hashes (the blind index of the field key): no name or address is stored in the clear. The old lock columns of
-- users now serve only the second factor's lock; locks set by failed logins before this version are lifted.
CREATE TABLE login_throttle (
    key_hash text PRIMARY KEY,
    name_hash text NOT NULL,
    failures bigint NOT NULL,
    last_failure_at bigint NOT NULL,
    blocked_until bigint NOT NULL
);
CREATE INDEX login_throttle_name ON login_throttle(name_hash);
UPDATE users SET failures = 0, first_failure_at = 0, locked_until = 0;
