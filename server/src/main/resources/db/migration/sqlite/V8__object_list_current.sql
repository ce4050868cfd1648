-- Issue 7 (performance): each object's "current" state, denormalised into objects so that the object
-- list (store.ObjectListing) filters and sorts on indexed columns instead of joining and aggregating
-- labels, predictions and funnel drops per request. Kept current by the triggers below, inside the
-- transaction of whichever statement writes labels, predictions, model versions or funnel results,
-- so no writer (web/API labels, auto labels, catalogue ingest, scoring, promotion, rollback, funnel
-- runs) can leave them stale. The source tables stay the truth; these columns are derived.
--   cur_label_id / cur_label_class : the newest label event (MAX(labels.id)) and its top class
--   cur_model_version, cur_predicted_class, cur_p_* : the object's prediction by the current model
--       version: the newest 'serving' version (created_at, then version), else the newest version
--   cur_funnel_stage : the stage that dropped it in the newest funnel run (not rescued); NULL = passed
ALTER TABLE objects ADD COLUMN cur_label_id INTEGER;
ALTER TABLE objects ADD COLUMN cur_label_class TEXT;
ALTER TABLE objects ADD COLUMN cur_model_version TEXT;
ALTER TABLE objects ADD COLUMN cur_predicted_class TEXT;
ALTER TABLE objects ADD COLUMN cur_p_sn_ia REAL;
ALTER TABLE objects ADD COLUMN cur_p_sn_ii REAL;
ALTER TABLE objects ADD COLUMN cur_p_other REAL;
ALTER TABLE objects ADD COLUMN cur_p_max REAL;
ALTER TABLE objects ADD COLUMN cur_funnel_stage TEXT;

-- The model version whose predictions the cur_* columns hold (one row).
CREATE TABLE current_model_version (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    model_version TEXT
);
INSERT INTO current_model_version (id, model_version) VALUES (1,
    (SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1));

-- Backfill.
UPDATE objects SET cur_label_id = (SELECT MAX(l.id) FROM labels l WHERE l.object_id = objects.object_id);
UPDATE objects SET cur_label_class = (SELECT l.top_class FROM labels l WHERE l.id = objects.cur_label_id)
    WHERE cur_label_id IS NOT NULL;
UPDATE objects SET (cur_model_version, cur_predicted_class, cur_p_sn_ia, cur_p_sn_ii, cur_p_other, cur_p_max) =
    (SELECT p.model_version, p.predicted_class, p.p_sn_ia, p.p_sn_ii, p.p_other, MAX(p.p_sn_ia, p.p_sn_ii, p.p_other)
       FROM predictions p WHERE p.object_id = objects.object_id
        AND p.model_version = (SELECT model_version FROM current_model_version WHERE id = 1));
UPDATE objects SET cur_funnel_stage = (SELECT fd.stage FROM funnel_drops fd
    WHERE fd.run_id = (SELECT MAX(id) FROM funnel_runs) AND fd.object_id = objects.object_id AND fd.rescued = 0);

-- Indexes for the list's filters (equality columns first) and sorts (then the sort column and the
-- object id that breaks its ties, so no filter needs a sort of its matches).
CREATE INDEX objects_cur_label ON objects (cur_label_class, object_id);
CREATE INDEX objects_cur_label_first ON objects (cur_label_class, first_detection_jd, object_id);
CREATE INDEX objects_cur_predicted ON objects (cur_predicted_class, object_id);
CREATE INDEX objects_cur_p_max ON objects (cur_p_max, object_id);
CREATE INDEX objects_cur_stage ON objects (cur_funnel_stage, cur_label_class, object_id);
CREATE INDEX objects_cur_stage_first ON objects (cur_funnel_stage, cur_label_class, first_detection_jd, object_id);
CREATE INDEX objects_cur_stage_predicted_first ON objects (cur_funnel_stage, cur_label_class, cur_predicted_class, first_detection_jd, object_id);
DROP INDEX objects_first_detection;
CREATE INDEX objects_first_detection_id ON objects (first_detection_jd, object_id);

-- A new object (funnel drops carry no foreign key, so one may precede its object).
CREATE TRIGGER objects_current_insert AFTER INSERT ON objects
BEGIN
    UPDATE objects SET cur_label_id = (SELECT MAX(l.id) FROM labels l WHERE l.object_id = NEW.object_id)
        WHERE object_id = NEW.object_id;
    UPDATE objects SET cur_label_class = (SELECT l.top_class FROM labels l WHERE l.id = objects.cur_label_id),
        (cur_model_version, cur_predicted_class, cur_p_sn_ia, cur_p_sn_ii, cur_p_other, cur_p_max) =
        (SELECT p.model_version, p.predicted_class, p.p_sn_ia, p.p_sn_ii, p.p_other, MAX(p.p_sn_ia, p.p_sn_ii, p.p_other)
           FROM predictions p WHERE p.object_id = NEW.object_id
            AND p.model_version = (SELECT model_version FROM current_model_version WHERE id = 1)),
        cur_funnel_stage = (SELECT fd.stage FROM funnel_drops fd
            WHERE fd.run_id = (SELECT MAX(id) FROM funnel_runs) AND fd.object_id = NEW.object_id AND fd.rescued = 0)
        WHERE object_id = NEW.object_id;
END;

-- Labels are append-only (V1 forbids update and delete): the newest event wins.
CREATE TRIGGER labels_current_insert AFTER INSERT ON labels
BEGIN
    UPDATE objects SET cur_label_id = NEW.id, cur_label_class = NEW.top_class
        WHERE object_id = NEW.object_id AND (cur_label_id IS NULL OR cur_label_id < NEW.id);
END;

-- Predictions of the current version.
CREATE TRIGGER predictions_current_insert AFTER INSERT ON predictions
WHEN NEW.model_version IS (SELECT model_version FROM current_model_version WHERE id = 1)
BEGIN
    UPDATE objects SET cur_model_version = NEW.model_version, cur_predicted_class = NEW.predicted_class,
        cur_p_sn_ia = NEW.p_sn_ia, cur_p_sn_ii = NEW.p_sn_ii, cur_p_other = NEW.p_other,
        cur_p_max = MAX(NEW.p_sn_ia, NEW.p_sn_ii, NEW.p_other)
        WHERE object_id = NEW.object_id;
END;
CREATE TRIGGER predictions_current_update AFTER UPDATE ON predictions
BEGIN
    UPDATE objects SET (cur_model_version, cur_predicted_class, cur_p_sn_ia, cur_p_sn_ii, cur_p_other, cur_p_max) =
        (SELECT p.model_version, p.predicted_class, p.p_sn_ia, p.p_sn_ii, p.p_other, MAX(p.p_sn_ia, p.p_sn_ii, p.p_other)
           FROM predictions p WHERE p.object_id = objects.object_id
            AND p.model_version = (SELECT model_version FROM current_model_version WHERE id = 1))
        WHERE object_id IN (OLD.object_id, NEW.object_id);
END;
CREATE TRIGGER predictions_current_delete AFTER DELETE ON predictions
WHEN OLD.model_version IS (SELECT model_version FROM current_model_version WHERE id = 1)
BEGIN
    UPDATE objects SET cur_model_version = NULL, cur_predicted_class = NULL, cur_p_sn_ia = NULL, cur_p_sn_ii = NULL,
        cur_p_other = NULL, cur_p_max = NULL
        WHERE object_id = OLD.object_id;
END;

-- A new, promoted, rolled-back or removed model version may change the current one: then every
-- object's prediction columns are rewritten (rare: a version switch).
CREATE TRIGGER model_versions_current_insert AFTER INSERT ON model_versions
WHEN (SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1)
     IS NOT (SELECT model_version FROM current_model_version WHERE id = 1)
BEGIN
    UPDATE current_model_version SET model_version =
        (SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1) WHERE id = 1;
    UPDATE objects SET (cur_model_version, cur_predicted_class, cur_p_sn_ia, cur_p_sn_ii, cur_p_other, cur_p_max) =
        (SELECT p.model_version, p.predicted_class, p.p_sn_ia, p.p_sn_ii, p.p_other, MAX(p.p_sn_ia, p.p_sn_ii, p.p_other)
           FROM predictions p WHERE p.object_id = objects.object_id
            AND p.model_version = (SELECT model_version FROM current_model_version WHERE id = 1))
        WHERE cur_model_version IS NOT NULL OR object_id IN (SELECT object_id FROM predictions
            WHERE model_version = (SELECT model_version FROM current_model_version WHERE id = 1));
END;
CREATE TRIGGER model_versions_current_update AFTER UPDATE ON model_versions
WHEN (SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1)
     IS NOT (SELECT model_version FROM current_model_version WHERE id = 1)
BEGIN
    UPDATE current_model_version SET model_version =
        (SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1) WHERE id = 1;
    UPDATE objects SET (cur_model_version, cur_predicted_class, cur_p_sn_ia, cur_p_sn_ii, cur_p_other, cur_p_max) =
        (SELECT p.model_version, p.predicted_class, p.p_sn_ia, p.p_sn_ii, p.p_other, MAX(p.p_sn_ia, p.p_sn_ii, p.p_other)
           FROM predictions p WHERE p.object_id = objects.object_id
            AND p.model_version = (SELECT model_version FROM current_model_version WHERE id = 1))
        WHERE cur_model_version IS NOT NULL OR object_id IN (SELECT object_id FROM predictions
            WHERE model_version = (SELECT model_version FROM current_model_version WHERE id = 1));
END;
CREATE TRIGGER model_versions_current_delete AFTER DELETE ON model_versions
WHEN (SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1)
     IS NOT (SELECT model_version FROM current_model_version WHERE id = 1)
BEGIN
    UPDATE current_model_version SET model_version =
        (SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1) WHERE id = 1;
    UPDATE objects SET (cur_model_version, cur_predicted_class, cur_p_sn_ia, cur_p_sn_ii, cur_p_other, cur_p_max) =
        (SELECT p.model_version, p.predicted_class, p.p_sn_ia, p.p_sn_ii, p.p_other, MAX(p.p_sn_ia, p.p_sn_ii, p.p_other)
           FROM predictions p WHERE p.object_id = objects.object_id
            AND p.model_version = (SELECT model_version FROM current_model_version WHERE id = 1))
        WHERE cur_model_version IS NOT NULL OR object_id IN (SELECT object_id FROM predictions
            WHERE model_version = (SELECT model_version FROM current_model_version WHERE id = 1));
END;

-- Funnel: a new run starts with every object passed; its drops (not rescued) set the stage.
CREATE TRIGGER funnel_runs_current_insert AFTER INSERT ON funnel_runs
WHEN NEW.id = (SELECT MAX(id) FROM funnel_runs)
BEGIN
    UPDATE objects SET cur_funnel_stage = NULL WHERE cur_funnel_stage IS NOT NULL;
END;
CREATE TRIGGER funnel_runs_current_delete AFTER DELETE ON funnel_runs
BEGIN
    UPDATE objects SET cur_funnel_stage = (SELECT fd.stage FROM funnel_drops fd
        WHERE fd.run_id = (SELECT MAX(id) FROM funnel_runs) AND fd.object_id = objects.object_id AND fd.rescued = 0);
END;
CREATE TRIGGER funnel_drops_current_insert AFTER INSERT ON funnel_drops
WHEN NEW.run_id = (SELECT MAX(id) FROM funnel_runs)
BEGIN
    UPDATE objects SET cur_funnel_stage = CASE WHEN NEW.rescued = 0 THEN NEW.stage END WHERE object_id = NEW.object_id;
END;
CREATE TRIGGER funnel_drops_current_update AFTER UPDATE ON funnel_drops
BEGIN
    UPDATE objects SET cur_funnel_stage = (SELECT fd.stage FROM funnel_drops fd
        WHERE fd.run_id = (SELECT MAX(id) FROM funnel_runs) AND fd.object_id = objects.object_id AND fd.rescued = 0)
        WHERE object_id IN (OLD.object_id, NEW.object_id);
END;
CREATE TRIGGER funnel_drops_current_delete AFTER DELETE ON funnel_drops
WHEN OLD.run_id = (SELECT MAX(id) FROM funnel_runs)
BEGIN
    UPDATE objects SET cur_funnel_stage = NULL WHERE object_id = OLD.object_id;
END;
