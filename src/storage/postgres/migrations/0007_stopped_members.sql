-- Members whose party status is stopped, in list order (PostgreSQL; same as the SQLite migration).
CREATE INDEX members_stopped ON members(org_path, id) WHERE status = 'stopped';
