package org.ztfclass.server.learning;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.models.features.NothingToRead;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.ReadScope;
import org.ztfclass.votables.domain.Prediction;

/** Scores every object in the store with a bundle and keeps the predictions there. */
public final class StoreScoring {

    private static final int BATCH = 1000;

    private StoreScoring() {
    }

    /** @return how many objects were scored */
    public static int scoreAll(Database db, ModelBundle bundle) throws SQLException {
        return scoreObjects(db, bundle, new PredictionStore(db).objectIds());
    }

    /**
     * Scores the named objects (e.g. those a stream batch touched) and keeps their predictions, replacing
     * earlier ones of the same model version. Objects not in the store are skipped, and so are objects in which no
     * branch has anything to read ({@link NothingToRead}: e.g. a light-curve file of upper limits only): they keep no
     * prediction rather than one the model would give any object.
     *
     * @return how many objects were scored
     */
    public static int scoreObjects(Database db, ModelBundle bundle, java.util.Collection<String> objectIds) throws SQLException {
        ObjectDataLoader loader = new ObjectDataLoader(db);
        PredictionStore store = new PredictionStore(db);
        List<String> ids = List.copyOf(objectIds);
        List<Prediction> all = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<ObjectData> batch = new ArrayList<>();
            try (ReadScope scope = db.readScope()) { // one connection for the batch's reads (the write below has its own)
                for (String id : ids.subList(from, Math.min(ids.size(), from + BATCH))) {
                    loader.load(id).filter(o -> NothingToRead.reason(o) == null).ifPresent(batch::add);
                }
            }
            all.addAll(bundle.predict(batch));
        }
        String manifest;
        try {
            manifest = new ObjectMapper().writeValueAsString(bundle.manifest());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        store.write(bundle.manifest().version(), bundle.manifest().trainingSetHash(), manifest, all);
        return all.size();
    }
}
