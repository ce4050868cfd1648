-- Issue 16, labelling flow.
-- "Skip" and "not sure" of one person about one object: the queue (labels.InitialSetFirstQueue,
-- learning.LabellingQueue) does not offer that object to that person again, and the object list shows
-- it as scanned. A skip is not a label: it is never a vote, never training data, never in ztf.labels or
-- the label export. One row per person and object; saying it again (a retry, a change from skip to
-- unsure) keeps the row and updates its reason and time, so a retried request changes nothing.
CREATE TABLE label_skips (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    object_id  TEXT    NOT NULL REFERENCES objects (object_id),
    reason     TEXT    NOT NULL CHECK (reason IN ('skip', 'unsure')),
    created_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, object_id)
);

-- A person's own labels: "labels today" in the label box (user_id, created_at range), the set the queue
-- leaves out, and the object list's "scanned" column and "hide what I have labelled" filter.
CREATE INDEX labels_user_created ON labels (user_id, created_at);
