-- Accounts and members (issue 15 defects 2 and 8; same text on both engines).
--
-- At most one account per member. Before this migration a system administrator could link any number of
-- accounts to one member; in a database that holds such duplicates the OLDEST account (lowest id) keeps the link
-- and every later one is unlinked (member_id NULL: its "我的" no longer shows the member's record) and signed out.
-- Nothing else of those accounts changes (roles, status); docs/operations.md says how to list them.
DELETE FROM sessions WHERE user_id IN (
    SELECT u.id FROM users u WHERE u.member_id IS NOT NULL
       AND u.id > (SELECT min(o.id) FROM users o WHERE o.member_id = u.member_id));
UPDATE users SET member_id = NULL, version = version + 1
 WHERE member_id IS NOT NULL AND id > (SELECT min(o.id) FROM users o WHERE o.member_id = users.member_id);
CREATE UNIQUE INDEX users_one_per_member ON users(member_id) WHERE member_id IS NOT NULL;

-- Issuing or using a set-up link revokes the earlier ones of the same user. Of the links still live today only
-- the newest (latest expiry) of each user stays usable; the others are marked spent at instant 1 (1970-01-01
-- 00:00:00.001 UTC), which no real use carries.
UPDATE setup_links SET used_at = 1
 WHERE purpose = 'user_password' AND used_at = 0
   AND expires_at < (SELECT max(l.expires_at) FROM setup_links l
                      WHERE l.user_id = setup_links.user_id AND l.purpose = 'user_password' AND l.used_at = 0);
CREATE INDEX setup_links_user ON setup_links(user_id) WHERE used_at = 0;
