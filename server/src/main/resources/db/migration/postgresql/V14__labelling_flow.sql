-- PostgreSQL twin of db/migration/sqlite/V14: skips and "not sure" per person and object.
CREATE TABLE label_skips (
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    object_id  TEXT    NOT NULL REFERENCES objects (object_id),
    reason     TEXT    NOT NULL CHECK (reason IN ('skip', 'unsure')),
    created_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, object_id)
);
CREATE INDEX labels_user_created ON labels (user_id, created_at);
