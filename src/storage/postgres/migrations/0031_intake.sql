-- A resident's intake (issue 17 "Events and their intake"): photos stored by content hash, and the one-time codes
-- that confirm a resident's phone. Photos are rows, so that an acknowledged upload is durable with the commit and
-- a crash leaves no half photo; the bytes are the re-encoded JPEG (no EXIF), never the upload. photo_owners says
-- who uploaded each (u:<user id> or r:<phone key>). Codes, send windows and resident tokens keep only keyed
-- hashes (the blind index of the field key) and the code's phone encrypted: no phone number in the clear.
CREATE TABLE photos (
    photo_id text PRIMARY KEY CHECK (length(photo_id) = 64),
    jpeg bytea NOT NULL,
    width bigint NOT NULL,
    height bigint NOT NULL,
    bytes bigint NOT NULL,
    created_at bigint NOT NULL
);
CREATE TABLE photo_owners (
    photo_id text NOT NULL REFERENCES photos(photo_id),
    owner text NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (photo_id, owner)
);
CREATE TABLE otp_codes (
    phone_key bytea PRIMARY KEY,
    phone_enc bytea NOT NULL,
    code_hash bytea NOT NULL,
    expires_at bigint NOT NULL,
    tries bigint NOT NULL,
    created_at bigint NOT NULL
);
CREATE TABLE otp_windows (
    key_hash bytea PRIMARY KEY,
    window_start bigint NOT NULL,
    sends bigint NOT NULL
);
CREATE TABLE resident_tokens (
    token_hash text PRIMARY KEY,
    phone_key bytea NOT NULL,
    phone_enc bytea NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
);
CREATE INDEX resident_tokens_expires ON resident_tokens(expires_at);
