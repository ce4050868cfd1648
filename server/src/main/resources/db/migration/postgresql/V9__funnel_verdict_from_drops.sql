-- PostgreSQL twin of db/migration/sqlite/V9: the funnel verdict is read from the newest run's
-- funnel_drops; objects keep no copy of it.
ALTER TABLE objects DROP COLUMN cur_funnel_stage;

CREATE INDEX funnel_drops_stage ON funnel_drops (run_id, stage, object_id) WHERE rescued = 0;
CREATE INDEX objects_cur_label_predicted_first ON objects (cur_label_class, cur_predicted_class, first_detection_jd, object_id);

CREATE TABLE funnel_passes (
    run_id    BIGINT NOT NULL REFERENCES funnel_runs (id),
    object_id TEXT   NOT NULL,
    PRIMARY KEY (run_id, object_id)
);
-- objects.row_seq of the newest object when the run started (SQLite: its rowid)
ALTER TABLE funnel_runs ADD COLUMN last_object_rowid BIGINT;
ALTER TABLE funnel_runs ADD COLUMN passes_recorded BIGINT NOT NULL DEFAULT 0 CHECK (passes_recorded IN (0, 1));

-- A new object whose labels or predictions were stored before it (funnel drops carry no foreign key).
CREATE FUNCTION ztfclass_objects_current() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM labels l WHERE l.object_id = NEW.object_id)
       OR EXISTS (SELECT 1 FROM predictions p WHERE p.object_id = NEW.object_id) THEN
        UPDATE objects SET cur_label_id = (SELECT MAX(l.id) FROM labels l WHERE l.object_id = NEW.object_id)
            WHERE object_id = NEW.object_id;
        UPDATE objects SET cur_label_class = (SELECT l.top_class FROM labels l WHERE l.id = objects.cur_label_id)
            WHERE object_id = NEW.object_id;
        PERFORM ztfclass_current_prediction(NEW.object_id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER objects_current_insert AFTER INSERT ON objects
    FOR EACH ROW EXECUTE FUNCTION ztfclass_objects_current();
