-- The audit log sealed with a key and filed under the object's org (issue 15 defects 4 and 5, security.md E2).
-- hash_kind: rows written from now on are 'mac1' (a keyed MAC under a subkey of the master key file, never in
-- the database); the rows before are 'sha256' and stay verifiable, sealed by the first keyed row, which links
-- to the last of them. object_org_*: the org of the object acted on, whose audit admins read the row; the older
-- rows were filed under the actor's org and keep it (the verifier checks that they do: their hash cannot).
ALTER TABLE audit_log ADD COLUMN object_org_id bigint NOT NULL DEFAULT 0;
ALTER TABLE audit_log ADD COLUMN object_org_path text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash_kind text NOT NULL DEFAULT 'sha256' CHECK (hash_kind IN ('sha256', 'mac1'));
ALTER TABLE audit_log DISABLE TRIGGER audit_no_change;
UPDATE audit_log SET object_org_id = actor_org_id, object_org_path = actor_org_path;
ALTER TABLE audit_log ENABLE TRIGGER audit_no_change;
DROP INDEX audit_scope;
CREATE INDEX audit_object_scope ON audit_log(object_org_path, id);
