-- PostgreSQL twin of db/migration/sqlite/V17: the wrong passwords LoginThrottle counts, shared by
-- every serve process on the store (keys are SHA-256 hashes; times are epoch milliseconds).
CREATE TABLE login_failures (
    key_hash  TEXT   NOT NULL,
    failed_at BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key_hash, failed_at);
CREATE INDEX login_failures_time ON login_failures (failed_at);

CREATE TABLE login_lockouts (
    key_hash     TEXT   PRIMARY KEY,
    locked_until BIGINT NOT NULL
);
CREATE INDEX login_lockouts_until ON login_lockouts (locked_until);
