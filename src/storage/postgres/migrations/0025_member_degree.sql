-- 学位 (degree) (PostgreSQL; same as the SQLite migration of the same number).
ALTER TABLE members ADD COLUMN degree text NOT NULL DEFAULT '';
