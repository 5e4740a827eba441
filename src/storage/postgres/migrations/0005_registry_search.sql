-- Registry fields for search (PostgreSQL; same as the SQLite migration of the same number).
ALTER TABLE members ADD COLUMN skills text NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN occupation text NOT NULL DEFAULT '';
CREATE INDEX members_name ON members(name, id);
