-- PostgreSQL twin of db/migration/sqlite/V8: each object's "current" label and prediction,
-- denormalised into objects for the object list (store.ObjectListing), kept current by triggers in
-- the transaction of whichever statement writes labels, predictions or model versions.
-- (SQLite's V8 also kept a funnel column with triggers that V9 removed again; PostgreSQL stores
-- began after V9, so those triggers are not created here and V9 only drops the column.)
ALTER TABLE objects ADD COLUMN cur_label_id BIGINT;
ALTER TABLE objects ADD COLUMN cur_label_class TEXT;
ALTER TABLE objects ADD COLUMN cur_model_version TEXT;
ALTER TABLE objects ADD COLUMN cur_predicted_class TEXT;
ALTER TABLE objects ADD COLUMN cur_p_sn_ia DOUBLE PRECISION;
ALTER TABLE objects ADD COLUMN cur_p_sn_ii DOUBLE PRECISION;
ALTER TABLE objects ADD COLUMN cur_p_other DOUBLE PRECISION;
ALTER TABLE objects ADD COLUMN cur_p_max DOUBLE PRECISION;
ALTER TABLE objects ADD COLUMN cur_funnel_stage TEXT;

CREATE TABLE current_model_version (
    id            BIGINT PRIMARY KEY CHECK (id = 1),
    model_version TEXT
);
INSERT INTO current_model_version (id, model_version) VALUES (1,
    (SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1));

CREATE INDEX objects_cur_label ON objects (cur_label_class, object_id);
CREATE INDEX objects_cur_label_first ON objects (cur_label_class, first_detection_jd, object_id);
CREATE INDEX objects_cur_predicted ON objects (cur_predicted_class, object_id);
CREATE INDEX objects_cur_p_max ON objects (cur_p_max, object_id);
DROP INDEX objects_first_detection;
CREATE INDEX objects_first_detection_id ON objects (first_detection_jd, object_id);

-- Rewrites the prediction columns of the objects named (all when NULL) from the current version.
CREATE FUNCTION ztfclass_current_prediction(only_object TEXT) RETURNS void LANGUAGE sql AS $$
    UPDATE objects SET (cur_model_version, cur_predicted_class, cur_p_sn_ia, cur_p_sn_ii, cur_p_other, cur_p_max) =
        (SELECT p.model_version, p.predicted_class, p.p_sn_ia, p.p_sn_ii, p.p_other, GREATEST(p.p_sn_ia, p.p_sn_ii, p.p_other)
           FROM predictions p WHERE p.object_id = objects.object_id
            AND p.model_version = (SELECT model_version FROM current_model_version WHERE id = 1))
     WHERE (only_object IS NOT NULL AND object_id = only_object)
        OR (only_object IS NULL AND (cur_model_version IS NOT NULL OR object_id IN (SELECT object_id FROM predictions
            WHERE model_version = (SELECT model_version FROM current_model_version WHERE id = 1))));
$$;

CREATE FUNCTION ztfclass_labels_current() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE objects SET cur_label_id = NEW.id, cur_label_class = NEW.top_class
        WHERE object_id = NEW.object_id AND (cur_label_id IS NULL OR cur_label_id < NEW.id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER labels_current_insert AFTER INSERT ON labels
    FOR EACH ROW EXECUTE FUNCTION ztfclass_labels_current();

CREATE FUNCTION ztfclass_predictions_current() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    current_version TEXT := (SELECT model_version FROM current_model_version WHERE id = 1);
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.model_version IS NOT DISTINCT FROM current_version THEN
            UPDATE objects SET cur_model_version = NEW.model_version, cur_predicted_class = NEW.predicted_class,
                cur_p_sn_ia = NEW.p_sn_ia, cur_p_sn_ii = NEW.p_sn_ii, cur_p_other = NEW.p_other,
                cur_p_max = GREATEST(NEW.p_sn_ia, NEW.p_sn_ii, NEW.p_other)
                WHERE object_id = NEW.object_id;
        END IF;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM ztfclass_current_prediction(OLD.object_id);
        IF NEW.object_id <> OLD.object_id THEN
            PERFORM ztfclass_current_prediction(NEW.object_id);
        END IF;
    ELSE
        IF OLD.model_version IS NOT DISTINCT FROM current_version THEN
            UPDATE objects SET cur_model_version = NULL, cur_predicted_class = NULL, cur_p_sn_ia = NULL, cur_p_sn_ii = NULL,
                cur_p_other = NULL, cur_p_max = NULL
                WHERE object_id = OLD.object_id;
        END IF;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER predictions_current AFTER INSERT OR UPDATE OR DELETE ON predictions
    FOR EACH ROW EXECUTE FUNCTION ztfclass_predictions_current();

-- A new, promoted, rolled-back or removed model version may change the current one: then every
-- object's prediction columns are rewritten (rare: a version switch).
CREATE FUNCTION ztfclass_model_versions_current() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    wanted TEXT := (SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1);
BEGIN
    IF wanted IS DISTINCT FROM (SELECT model_version FROM current_model_version WHERE id = 1) THEN
        UPDATE current_model_version SET model_version = wanted WHERE id = 1;
        PERFORM ztfclass_current_prediction(NULL);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER model_versions_current AFTER INSERT OR UPDATE OR DELETE ON model_versions
    FOR EACH ROW EXECUTE FUNCTION ztfclass_model_versions_current();
