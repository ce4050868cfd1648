-- The objects to label first: a stratified sample of the transients that passed the funnel.
-- Choosing a new set replaces the old one (in one transaction); labels are never touched.
CREATE TABLE initial_set (
    object_id  TEXT PRIMARY KEY REFERENCES objects (object_id),
    position   INTEGER NOT NULL,
    stratum    TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
