-- A resident's intake (issue 17 "Events and their intake"): photos stored by content hash, and the one-time codes
-- that confirm a resident's phone. Photos are rows, so that an acknowledged upload is durable with the commit and
-- a crash leaves no half photo; the bytes are the re-encoded JPEG (no EXIF), never the upload. photo_owners says
-- who uploaded each (u:<user id> or r:<phone key>). Codes, send windows and resident tokens keep only keyed
-- hashes (the blind index of the field key) and the code's phone encrypted: no phone number in the clear.
CREATE TABLE photos (
    photo_id TEXT PRIMARY KEY CHECK (length(photo_id) = 64),
    jpeg BLOB NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE photo_owners (
    photo_id TEXT NOT NULL REFERENCES photos(photo_id),
    owner TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (photo_id, owner)
) STRICT;
CREATE TABLE otp_codes (
    phone_key BLOB PRIMARY KEY,
    phone_enc BLOB NOT NULL,
    code_hash BLOB NOT NULL,
    expires_at INTEGER NOT NULL,
    tries INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE otp_windows (
    key_hash BLOB PRIMARY KEY,
    window_start INTEGER NOT NULL,
    sends INTEGER NOT NULL
) STRICT;
CREATE TABLE resident_tokens (
    token_hash TEXT PRIMARY KEY,
    phone_key BLOB NOT NULL,
    phone_enc BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX resident_tokens_expires ON resident_tokens(expires_at);
