-- Foundation: the org tree, members (encrypted personal fields), users, grants, sessions, set-up links and
-- the hash-chained audit log. Instants are UTC epoch milliseconds; dates are 'YYYY-MM-DD' text.
CREATE TABLE orgs (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES orgs(id),
    path TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    org_type TEXT NOT NULL,
    place_kind TEXT NOT NULL DEFAULT '',
    place_name TEXT NOT NULL DEFAULT '',
    region_code TEXT NOT NULL DEFAULT '',
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX orgs_parent ON orgs(parent_id, name);

CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    ethnicity TEXT NOT NULL DEFAULT '',
    birth_date TEXT NOT NULL,
    id_number_enc BLOB NOT NULL,
    id_number_bidx BLOB NOT NULL UNIQUE,
    phone_enc BLOB,
    phone_bidx BLOB,
    education TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL CHECK (category IN ('full', 'probationary')),
    status TEXT NOT NULL CHECK (status IN ('normal', 'stopped')),
    join_date TEXT,
    conversion_date TEXT,
    work_unit TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    region_code TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX members_path ON members(org_path, id);
CREATE INDEX members_org_name ON members(org_id, name);
CREATE INDEX members_phone ON members(phone_bidx);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
    totp_secret_enc BLOB,
    totp_enrolled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enrolled IN (0, 1)),
    totp_last_step INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    first_failure_at INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    member_id INTEGER REFERENCES members(id),
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE role_grants (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    org_path TEXT NOT NULL,
    granted_by INTEGER,
    granted_at INTEGER NOT NULL,
    UNIQUE (user_id, role, org_id)
) STRICT;
CREATE INDEX role_grants_path ON role_grants(org_path);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    mfa TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE setup_links (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('first_admin', 'user_password')),
    user_id INTEGER REFERENCES users(id),
    expires_at INTEGER NOT NULL,
    used_at INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_user_id INTEGER NOT NULL,
    actor_name TEXT NOT NULL,
    actor_org_id INTEGER NOT NULL,
    actor_org_path TEXT NOT NULL,
    ip TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    result TEXT NOT NULL,
    request_id TEXT NOT NULL,
    subject_member_id INTEGER NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_subject ON audit_log(subject_member_id, id) WHERE subject_member_id <> 0;
CREATE INDEX audit_scope ON audit_log(actor_org_path, id);
-- Serialises appends to the hash chain: one row holding the newest hash.
CREATE TABLE audit_head (one INTEGER PRIMARY KEY CHECK (one = 1), hash TEXT NOT NULL) STRICT;
INSERT INTO audit_head (one, hash) VALUES (1, '');
-- Append-only (security.md E2): the application can never change or remove an audit row.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
