-- PostgreSQL twin of db/migration/sqlite/V10: answers of label batches sent with an Idempotency-Key.
CREATE TABLE label_submissions (
    user_id         BIGINT NOT NULL REFERENCES users (id),
    idempotency_key TEXT NOT NULL,
    fingerprint     TEXT NOT NULL,
    answer          TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX label_submissions_created ON label_submissions (created_at);
