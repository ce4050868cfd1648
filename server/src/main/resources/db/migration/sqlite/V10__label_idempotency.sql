-- Issue 13, finding 8: a client that retries POST /api/labels after a crash or a lost answer
-- could store its labels twice (only a 5 s duplicate window protected it). A client may now send
-- an Idempotency-Key header; the first batch under a key stores its answer here, in the same
-- transaction as its labels, and a retry under the same key gets that answer back without
-- writing anything. Keys belong to a user; rows older than a day are removed on later writes.
CREATE TABLE label_submissions (
    user_id         INTEGER NOT NULL REFERENCES users (id),
    idempotency_key TEXT NOT NULL,
    fingerprint     TEXT NOT NULL, -- SHA-256 of the batch as understood, to refuse a key reused for another batch
    answer          TEXT NOT NULL, -- the batch's outcome as JSON
    created_at      TEXT NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX label_submissions_created ON label_submissions (created_at);
