-- Row-level security on the member-holding tables (security.md A6, issue 15 "Second fence", ADR 0005): a second
-- fence behind the repositories' own scope clauses. Every transaction of the application sets lianxin.scope
-- (SET LOCAL, storage/postgres/pg_database.cpp): '*' for the system scope, or the actor's subtree roots joined
-- by commas ("/1/5/,/1/9/"). Unset or empty, the policies return no rows (fail closed). FORCE makes the
-- tables' owner subject to the policies too; the server connects as a role that owns nothing and has no
-- BYPASSRLS (docs/operations.md "Running on PostgreSQL"). No SQLite migration of this number: SQLite has no
-- row-level security and ignores the scope.
--
-- The policies are subtree tests on the materialized paths. Text comparison is leakproof, so the repositories'
-- own range conditions (path >= '/1/5/' AND path < '/1/50') stay index conditions under a policy; the scope's
-- parts are computed once per statement (each scalar sub-select becomes an InitPlan).
-- The first root as a range (two byte comparisons a row: the common actor holds one subtree), the other roots
-- as LIKE prefixes; the system scope is the pattern '%'. A root '/1/5/' is the range ['/1/5/', '/1/50')
-- ('/' + 1 = '0', architecture.md "Org tree"). The search path is fixed at creation: pg_dump runs with an
-- empty one.
CREATE FUNCTION lx_scope_setting() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(current_setting('lianxin.scope', true), '')
$$;
CREATE FUNCTION lx_scope_lo() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN s = '*' OR s = '' THEN NULL ELSE split_part(s, ',', 1) END FROM lx_scope_setting() AS s
$$;
CREATE FUNCTION lx_scope_hi() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN s = '*' OR s = '' THEN NULL ELSE left(split_part(s, ',', 1), -1) || '0' END
    FROM lx_scope_setting() AS s
$$;
CREATE FUNCTION lx_scope_rest() RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN s = '*' THEN ARRAY['%']
                WHEN s = '' THEN ARRAY[]::text[]
                ELSE ARRAY(SELECT p || '%' FROM unnest((string_to_array(s, ','))[2:]) AS p WHERE p <> '') END
    FROM lx_scope_setting() AS s
$$;

-- Tables scoped by their own path column.
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
ALTER TABLE members FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON members USING (
    (org_path >= (SELECT lx_scope_lo()) AND org_path < (SELECT lx_scope_hi()))
    OR org_path LIKE ANY ((SELECT lx_scope_rest())::text[]));

ALTER TABLE candidates ENABLE ROW LEVEL SECURITY;
ALTER TABLE candidates FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON candidates USING (
    (org_path >= (SELECT lx_scope_lo()) AND org_path < (SELECT lx_scope_hi()))
    OR org_path LIKE ANY ((SELECT lx_scope_rest())::text[]));

-- Both ends see the letter (the receiving side sees the minimal fields; the application masks them), and so
-- does whoever sees the member now (the member's earlier transfers).
ALTER TABLE transfers ENABLE ROW LEVEL SECURITY;
ALTER TABLE transfers FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON transfers USING (
    (from_org_path >= (SELECT lx_scope_lo()) AND from_org_path < (SELECT lx_scope_hi()))
    OR from_org_path LIKE ANY ((SELECT lx_scope_rest())::text[])
    OR (to_org_path >= (SELECT lx_scope_lo()) AND to_org_path < (SELECT lx_scope_hi()))
    OR to_org_path LIKE ANY ((SELECT lx_scope_rest())::text[])
    OR EXISTS (SELECT 1 FROM members m WHERE m.id = transfers.member_id));

-- An earlier period is seen by the org it was spent in and by whoever sees the member now.
ALTER TABLE affiliation_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE affiliation_history FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON affiliation_history USING (
    (org_path >= (SELECT lx_scope_lo()) AND org_path < (SELECT lx_scope_hi()))
    OR org_path LIKE ANY ((SELECT lx_scope_rest())::text[])
    OR EXISTS (SELECT 1 FROM members m WHERE m.id = affiliation_history.member_id));

ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE imports FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON imports USING (
    (org_path >= (SELECT lx_scope_lo()) AND org_path < (SELECT lx_scope_hi()))
    OR org_path LIKE ANY ((SELECT lx_scope_rest())::text[]));

ALTER TABLE reorganizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE reorganizations FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON reorganizations USING (
    (org_path >= (SELECT lx_scope_lo()) AND org_path < (SELECT lx_scope_hi()))
    OR org_path LIKE ANY ((SELECT lx_scope_rest())::text[]));

ALTER TABLE overlays ENABLE ROW LEVEL SECURITY;
ALTER TABLE overlays FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON overlays USING (
    (host_org_path >= (SELECT lx_scope_lo()) AND host_org_path < (SELECT lx_scope_hi()))
    OR host_org_path LIKE ANY ((SELECT lx_scope_rest())::text[]));

ALTER TABLE party_groups ENABLE ROW LEVEL SECURITY;
ALTER TABLE party_groups FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON party_groups USING (
    (org_path >= (SELECT lx_scope_lo()) AND org_path < (SELECT lx_scope_hi()))
    OR org_path LIKE ANY ((SELECT lx_scope_rest())::text[]));

-- The inflow org by its path; the outflow branch through the member (the record follows the member's org).
ALTER TABLE floating_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE floating_records FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON floating_records USING (
    (in_org_path >= (SELECT lx_scope_lo()) AND in_org_path < (SELECT lx_scope_hi()))
    OR in_org_path LIKE ANY ((SELECT lx_scope_rest())::text[])
    OR EXISTS (SELECT 1 FROM members m WHERE m.id = floating_records.member_id));

-- Tables without a path of their own, scoped through their parent row (whose own policy applies inside the
-- sub-select).
ALTER TABLE candidate_steps ENABLE ROW LEVEL SECURITY;
ALTER TABLE candidate_steps FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON candidate_steps USING (
    EXISTS (SELECT 1 FROM candidates c WHERE c.id = candidate_steps.candidate_id));

ALTER TABLE transfer_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE transfer_events FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON transfer_events USING (
    EXISTS (SELECT 1 FROM transfers t WHERE t.id = transfer_events.transfer_id));

ALTER TABLE floating_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE floating_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON floating_notes USING (
    EXISTS (SELECT 1 FROM floating_records f WHERE f.id = floating_notes.record_id));

ALTER TABLE import_rows ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_rows FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON import_rows USING (
    EXISTS (SELECT 1 FROM imports i WHERE i.id = import_rows.import_id));

ALTER TABLE party_group_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE party_group_members FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON party_group_members USING (
    EXISTS (SELECT 1 FROM party_groups g WHERE g.id = party_group_members.group_id));

ALTER TABLE member_skills ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_skills FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON member_skills USING (
    EXISTS (SELECT 1 FROM members m WHERE m.id = member_skills.member_id));

ALTER TABLE lost_contact_searches ENABLE ROW LEVEL SECURITY;
ALTER TABLE lost_contact_searches FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON lost_contact_searches USING (
    EXISTS (SELECT 1 FROM members m WHERE m.id = lost_contact_searches.member_id));

-- A decision is seen with the member, and by the org the member belonged to then (a headcount as of an
-- earlier day reads the status a member who has since moved away had on that day).
ALTER TABLE member_status_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_status_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY lx_scope ON member_status_changes USING (
    EXISTS (SELECT 1 FROM members m WHERE m.id = member_status_changes.member_id)
    OR EXISTS (SELECT 1 FROM affiliation_history h WHERE h.member_id = member_status_changes.member_id));
