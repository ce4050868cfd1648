-- Issue 7 follow-up (speed of the funnel, issue 3). V8 copied each object's funnel verdict into
-- objects.cur_funnel_stage, kept by a trigger per funnel drop plus a reset of every object when a
-- run started, under three indexes. On 1.5 M objects that made a funnel run ~6x slower (one
-- indexed rewrite of a wide objects row per drop, twice on a re-run) and `generate`/ingest several
-- times slower (the insert trigger rewrote every new row twice).
--
-- The verdict has a natural home already: the newest run's rows in funnel_drops (primary key
-- run_id, object_id). The object list (store.ObjectListing) now asks it directly: "passed" is a
-- primary-key probe per candidate row while walking the list's sort index, and a named stage
-- either the same probe or, for a stage that dropped few objects, a walk of the index below.
-- Nothing needs to be kept in step, so a funnel run writes its drops and nothing else.
DROP TRIGGER funnel_runs_current_insert;
DROP TRIGGER funnel_runs_current_delete;
DROP TRIGGER funnel_drops_current_insert;
DROP TRIGGER funnel_drops_current_update;
DROP TRIGGER funnel_drops_current_delete;
DROP TRIGGER objects_current_insert; -- recreated below without the funnel column
DROP INDEX objects_cur_stage;
DROP INDEX objects_cur_stage_first;
DROP INDEX objects_cur_stage_predicted_first;
ALTER TABLE objects DROP COLUMN cur_funnel_stage;

-- A named stage's drops of a run, in object order.
CREATE INDEX funnel_drops_stage ON funnel_drops (run_id, stage, object_id) WHERE rescued = 0;

-- Combined filters the stage indexes served: a label class (or unlabelled) with a predicted class,
-- in first-detection order.
CREATE INDEX objects_cur_label_predicted_first ON objects (cur_label_class, cur_predicted_class, first_detection_jd, object_id);

-- When a run passes few objects (FunnelStore.Recorder.PASS_LIST_LIMIT or fewer, rescued ones
-- included), probing every object for "passed" would walk most of the store for a page; such a
-- run also records the objects it passed, and the list starts from them. last_object_rowid is the
-- newest objects row when the run started: rows after it were not judged by the run, and count as
-- passed unless a drop says otherwise (as they do for the probe).
CREATE TABLE funnel_passes (
    run_id    INTEGER NOT NULL REFERENCES funnel_runs (id),
    object_id TEXT    NOT NULL,
    PRIMARY KEY (run_id, object_id)
) WITHOUT ROWID;
ALTER TABLE funnel_runs ADD COLUMN last_object_rowid INTEGER;
ALTER TABLE funnel_runs ADD COLUMN passes_recorded INTEGER NOT NULL DEFAULT 0 CHECK (passes_recorded IN (0, 1));

-- A new object: V8 rewrote every inserted row twice. It has nothing to copy unless a label or a
-- prediction already names it (index probes, no writes); the NULLs it was born with are then right.
CREATE TRIGGER objects_current_insert AFTER INSERT ON objects
WHEN EXISTS (SELECT 1 FROM labels l WHERE l.object_id = NEW.object_id)
  OR EXISTS (SELECT 1 FROM predictions p WHERE p.object_id = NEW.object_id)
BEGIN
    UPDATE objects SET cur_label_id = (SELECT MAX(l.id) FROM labels l WHERE l.object_id = NEW.object_id)
        WHERE object_id = NEW.object_id;
    UPDATE objects SET cur_label_class = (SELECT l.top_class FROM labels l WHERE l.id = objects.cur_label_id),
        (cur_model_version, cur_predicted_class, cur_p_sn_ia, cur_p_sn_ii, cur_p_other, cur_p_max) =
        (SELECT p.model_version, p.predicted_class, p.p_sn_ia, p.p_sn_ii, p.p_other, MAX(p.p_sn_ia, p.p_sn_ii, p.p_other)
           FROM predictions p WHERE p.object_id = NEW.object_id
            AND p.model_version = (SELECT model_version FROM current_model_version WHERE id = 1))
        WHERE object_id = NEW.object_id;
END;
