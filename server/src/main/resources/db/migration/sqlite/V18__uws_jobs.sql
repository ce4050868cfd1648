-- Issue 14 (several serve processes on one store): the asynchronous TAP jobs (UWS) live in the
-- store, so any process answers for any job and the job caps count every process's jobs.
-- job_id: 128 random bits as 32 hex digits. owner: the signed-in creator's user name, NULL for an
-- anonymous job. client: who counts for the per-client cap ("user:NAME" or "address:IP").
-- parameters: a JSON object of the lower-cased parameter names and values (at most 64 KiB of names
-- and values). Times are ISO-8601 UTC text with milliseconds (YYYY-MM-DDTHH:MM:SS.sssZ), so they
-- order as text. result: the finished answer (a VOTable), result_bytes its length. executor: the
-- process that queued and runs the job ("HOST:PID/N"), heartbeat_at the last time it said it is
-- alive; a queued or executing job whose heartbeat is stale was left by a process that died.
CREATE TABLE uws_jobs (
    job_id         TEXT    PRIMARY KEY,
    owner          TEXT,
    client         TEXT    NOT NULL,
    phase          TEXT    NOT NULL,
    parameters     TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    started_at     TEXT,
    ended_at       TEXT,
    destruction_at TEXT    NOT NULL,
    error          TEXT,
    result         BLOB,
    result_bytes   INTEGER NOT NULL DEFAULT 0,
    executor       TEXT,
    heartbeat_at   TEXT
);
CREATE INDEX uws_jobs_client ON uws_jobs (client, phase);
CREATE INDEX uws_jobs_owner ON uws_jobs (owner, created_at);
CREATE INDEX uws_jobs_created ON uws_jobs (created_at);
