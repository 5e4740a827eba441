-- A member's death (党员逝世) among the status decisions (PostgreSQL; same as the SQLite migration of the same number).
ALTER TABLE member_status_changes DROP CONSTRAINT member_status_changes_action_check,
    ADD CONSTRAINT member_status_changes_action_check CHECK (action IN ('stop', 'restore', 'remove', 'deceased'));
