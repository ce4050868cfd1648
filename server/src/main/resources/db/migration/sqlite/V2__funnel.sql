-- The filter funnel: per-object facts it judges on (kept current by ingest), its runs, what each
-- run dropped and why, and hand rescues (append-only events).

ALTER TABLE objects ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0;

-- The funnel's facts about each object live beside its summary (one table: the funnel reads
-- every object in one pass, without a join), refreshed with it by ingest.
-- real_score_k: the k-th highest real/bogus score (drb, else rb; 1.0 when the source gives none)
-- among the object's positive-subtraction detections; null when it has fewer than k.
ALTER TABLE objects ADD COLUMN real_score_1 REAL;
ALTER TABLE objects ADD COLUMN real_score_2 REAL;
ALTER TABLE objects ADD COLUMN real_score_3 REAL;
ALTER TABLE objects ADD COLUMN real_score_4 REAL;
ALTER TABLE objects ADD COLUMN real_score_5 REAL;
-- runs of detections separated by gaps longer than 90 days; null until computed
ALTER TABLE objects ADD COLUMN n_episodes INTEGER;
-- brightest peak magnitude any catalogue gives
ALTER TABLE objects ADD COLUMN catalogue_peak_mag REAL;
-- the context fields of the object's latest alert
ALTER TABLE objects ADD COLUMN ssdistnr REAL;
ALTER TABLE objects ADD COLUMN ssmagnr REAL;
ALTER TABLE objects ADD COLUMN sgscore1 REAL;
ALTER TABLE objects ADD COLUMN distpsnr1 REAL;
ALTER TABLE objects ADD COLUMN neargaia REAL;
ALTER TABLE objects ADD COLUMN maggaia REAL;
ALTER TABLE objects ADD COLUMN ndethist INTEGER;
ALTER TABLE objects ADD COLUMN jdstarthist REAL;
ALTER TABLE objects ADD COLUMN distnr REAL;
ALTER TABLE objects ADD COLUMN magnr REAL;

CREATE TABLE funnel_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT    NOT NULL,
    seconds     REAL,
    config      TEXT    NOT NULL,
    objects_in  INTEGER NOT NULL DEFAULT 0,
    objects_out INTEGER NOT NULL DEFAULT 0,
    rescued     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE funnel_stage_counts (
    run_id      INTEGER NOT NULL REFERENCES funnel_runs (id),
    position    INTEGER NOT NULL,
    stage       TEXT    NOT NULL,
    settings    TEXT    NOT NULL,
    objects_in  INTEGER NOT NULL,
    dropped     INTEGER NOT NULL,
    objects_out INTEGER NOT NULL,
    main_reason TEXT,
    PRIMARY KEY (run_id, position)
);

-- Why each object was dropped: the stage, the rule and the values it judged. Kept for the last two runs.
CREATE TABLE funnel_drops (
    run_id    INTEGER NOT NULL REFERENCES funnel_runs (id),
    object_id TEXT    NOT NULL,
    stage     TEXT    NOT NULL,
    category  TEXT    NOT NULL,
    reason    TEXT    NOT NULL,
    rescued   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, object_id)
) WITHOUT ROWID;

-- A person says a dropped object belongs in the funnel's output after all.
CREATE TABLE funnel_rescues (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    object_id  TEXT NOT NULL REFERENCES objects (object_id),
    user_name  TEXT NOT NULL,
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX funnel_rescues_object ON funnel_rescues (object_id);
CREATE TRIGGER funnel_rescues_append_only_update BEFORE UPDATE ON funnel_rescues
BEGIN
    SELECT RAISE(ABORT, 'rescues are append-only events');
END;
CREATE TRIGGER funnel_rescues_append_only_delete BEFORE DELETE ON funnel_rescues
BEGIN
    SELECT RAISE(ABORT, 'rescues are append-only events');
END;
