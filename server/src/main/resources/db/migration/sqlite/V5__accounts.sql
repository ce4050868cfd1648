-- Web accounts: sign-in sessions and personal API tokens (issue 7). Users live in V1's users table.
-- Only hashes of session ids and tokens are stored: a copy of the database signs nobody in.

CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,            -- SHA-256 (hex) of the session cookie's value
    user_id    INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,               -- sent back with every state-changing request of this session
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,      -- SHA-256 (hex) of the token; the token itself is shown once
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Finding a user's recent label of an object (deduplication of double submissions).
CREATE INDEX labels_user_object ON labels (user_id, object_id, id);
CREATE INDEX objects_first_detection ON objects (first_detection_jd);
