-- PostgreSQL twin of db/migration/sqlite/V18: the asynchronous TAP jobs (UWS), shared by every
-- serve process on the store (see the SQLite file for the meaning of each column).
CREATE TABLE uws_jobs (
    job_id         TEXT   PRIMARY KEY,
    owner          TEXT,
    client         TEXT   NOT NULL,
    phase          TEXT   NOT NULL,
    parameters     TEXT   NOT NULL,
    created_at     TEXT   NOT NULL,
    started_at     TEXT,
    ended_at       TEXT,
    destruction_at TEXT   NOT NULL,
    error          TEXT,
    result         BYTEA,
    result_bytes   BIGINT NOT NULL DEFAULT 0,
    executor       TEXT,
    heartbeat_at   TEXT
);
CREATE INDEX uws_jobs_client ON uws_jobs (client, phase);
CREATE INDEX uws_jobs_owner ON uws_jobs (owner, created_at);
CREATE INDEX uws_jobs_created ON uws_jobs (created_at);
