-- Registry fields for search (issue 4): skills (特长, a comma-wrapped list ",电工,医生,"; migration 0006 adds
-- member_skills, which search uses) and occupation (职业 code of the statistics bulletin). Name search pages in name order through
-- its own index; other lists page in (org_path, id) order through members_path.
ALTER TABLE members ADD COLUMN skills TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN occupation TEXT NOT NULL DEFAULT '';
CREATE INDEX members_name ON members(name, id);
