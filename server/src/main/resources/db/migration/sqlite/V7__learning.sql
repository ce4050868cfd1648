-- Continuous learning: retraining jobs, where each model version's bundle lives and how it did on
-- the audit set, per-class takeover decisions (append-only events), auto labels sent to humans for
-- audit, and each user's choice of labelling queue.

-- One retraining at a time: a 'running' row names the JVM (pid) that runs it; a running row whose
-- process is gone was interrupted (kill -9, power cut) and no longer blocks a new job.
CREATE TABLE learning_jobs (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    status            TEXT    NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
    trigger_kind      TEXT    NOT NULL,
    user_id           INTEGER,
    pid               INTEGER NOT NULL,
    stage             TEXT    NOT NULL,
    progress          REAL    NOT NULL DEFAULT 0,
    label_watermark   INTEGER NOT NULL DEFAULT 0, -- highest label id when the job started
    candidate_version TEXT,
    promoted          INTEGER,
    message           TEXT,
    started_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    finished_at       TEXT
);
CREATE INDEX learning_jobs_status ON learning_jobs (status);

ALTER TABLE model_versions ADD COLUMN bundle_path TEXT;
-- macro AUC on the audit objects it was compared on, and the serving version's on the same objects
ALTER TABLE model_versions ADD COLUMN audit_macro_auc REAL;
ALTER TABLE model_versions ADD COLUMN audit_compared_auc REAL;
ALTER TABLE model_versions ADD COLUMN audit_n INTEGER;
ALTER TABLE model_versions ADD COLUMN audit_metrics TEXT;  -- JSON: per-class precision/recall at the threshold
ALTER TABLE model_versions ADD COLUMN job_id INTEGER;

-- Takeover of a class by a model version switched on or off, and why. The latest row per class rules.
CREATE TABLE takeover_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    top_class     TEXT    NOT NULL CHECK (top_class IN ('SN_IA', 'SN_II', 'OTHER')),
    enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    model_version TEXT,
    precision     REAL,
    n_audited     INTEGER,
    reason        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX takeover_events_class ON takeover_events (top_class, id);
CREATE TRIGGER takeover_events_append_only_update BEFORE UPDATE ON takeover_events
BEGIN
    SELECT RAISE(ABORT, 'takeover events are append-only');
END;

-- An automatic label chosen for a human audit; the audit's verdict is the human consensus on the object.
CREATE TABLE audit_requests (
    label_id   INTEGER PRIMARY KEY REFERENCES labels (id),
    object_id  TEXT    NOT NULL REFERENCES objects (object_id),
    top_class  TEXT    NOT NULL,
    model_version TEXT NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX audit_requests_object ON audit_requests (object_id);

CREATE TABLE queue_preferences (
    user_id    INTEGER PRIMARY KEY,
    strategy   TEXT NOT NULL CHECK (strategy IN ('default', 'random', 'uncertainty', 'margin')),
    updated_at TEXT NOT NULL
);
