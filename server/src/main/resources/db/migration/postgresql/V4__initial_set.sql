-- PostgreSQL twin of db/migration/sqlite/V4: the objects to label first.
CREATE TABLE initial_set (
    object_id  TEXT PRIMARY KEY REFERENCES objects (object_id),
    position   BIGINT  NOT NULL,
    stratum    TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
