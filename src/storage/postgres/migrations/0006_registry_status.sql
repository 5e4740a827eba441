-- Registry attributes (PostgreSQL; same as the SQLite migration of the same number).
ALTER TABLE members ADD COLUMN floating_to text NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN lost_contact_on text;

CREATE TABLE member_skills (
    member_id bigint NOT NULL REFERENCES members(id),
    skill text COLLATE "C" NOT NULL,
    PRIMARY KEY (skill, member_id)
);
CREATE INDEX member_skills_member ON member_skills(member_id);
INSERT INTO member_skills (member_id, skill)
SELECT DISTINCT id, s FROM members, unnest(string_to_array(trim(both ',' from skills), ',')) AS s
WHERE skills <> '' AND s <> '';
