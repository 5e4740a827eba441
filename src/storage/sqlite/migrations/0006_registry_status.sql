-- Registry attributes a branch keeps (domain.md §2.4): where a floating member went (外出流向, collected by the
-- outflow org) and the day contact with a lost-contact member was lost (失去联系日期).
ALTER TABLE members ADD COLUMN floating_to TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN lost_contact_on TEXT;

-- Skills as rows, so that a skill search starts from the skill (one index range) whatever the scope; the
-- member row keeps the list for display.
CREATE TABLE member_skills (
    member_id INTEGER NOT NULL REFERENCES members(id),
    skill TEXT NOT NULL,
    PRIMARY KEY (skill, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX member_skills_member ON member_skills(member_id);
INSERT INTO member_skills (member_id, skill)
WITH RECURSIVE split(id, rest, skill) AS (
    SELECT id, substr(skills, 2), NULL FROM members WHERE skills <> ''
    UNION ALL
    SELECT id, substr(rest, instr(rest, ',') + 1), substr(rest, 1, instr(rest, ',') - 1) FROM split WHERE rest <> ''
) SELECT DISTINCT id, skill FROM split WHERE skill IS NOT NULL AND skill <> '';
