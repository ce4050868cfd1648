package org.ztfclass.server.learning;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;

/** The store's objects that have a consensus class (ties left out), with their data, ordered by object id. */
public final class ConsensusObjects {

    private ConsensusObjects() {
    }

    public static List<LabelledObject> load(Database db) throws SQLException {
        ObjectDataLoader loader = new ObjectDataLoader(db);
        List<LabelledObject> out = new ArrayList<>();
        for (Consensus.Outcome o : Consensus.of(new LabelLog(db).votes())) {
            if (o.tied()) {
                continue;
            }
            Optional<ObjectData> data = loader.load(o.objectId());
            data.ifPresent(d -> out.add(new LabelledObject(d, o.label(), o.label().name())));
        }
        return out;
    }
}
