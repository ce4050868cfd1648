-- Issue 14 (several serve processes on one store): the wrong passwords LoginThrottle counts live in
-- the store, so every process on it shares one count. Keys are SHA-256 hashes of "name:NAME" or
-- "address:ADDRESS" (a password typed in the name field is never stored); times are epoch
-- milliseconds of the throttle's clock.
CREATE TABLE login_failures (
    key_hash  TEXT    NOT NULL,
    failed_at INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key_hash, failed_at);
CREATE INDEX login_failures_time ON login_failures (failed_at);

CREATE TABLE login_lockouts (
    key_hash     TEXT    PRIMARY KEY,
    locked_until INTEGER NOT NULL
);
CREATE INDEX login_lockouts_until ON login_lockouts (locked_until);
