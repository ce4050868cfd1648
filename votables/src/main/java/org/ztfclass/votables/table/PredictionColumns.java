package org.ztfclass.votables.table;

import java.util.List;
import org.ztfclass.votables.domain.ScoredObject;

/**
 * The columns of a scored-objects table ({@code ztfclass score}, later the SAMP answer):
 * objectId, ra, dec, p_SN_IA, p_SN_II, p_OTHER, predicted_class, model_version. A contract:
 * other tools read these names.
 */
public final class PredictionColumns {

    /** All columns, in order. */
    public static final List<TableColumn<ScoredObject>> ALL = List.of(
            TableColumn.of("objectId", String.class, "", "meta.id;meta.main", "ZTF object identifier", ScoredObject::objectId),
            TableColumn.of("ra", Double.class, "deg", "pos.eq.ra;meta.main", "ICRS right ascension", ScoredObject::ra),
            TableColumn.of("dec", Double.class, "deg", "pos.eq.dec;meta.main", "ICRS declination", ScoredObject::dec),
            TableColumn.of("p_SN_IA", Double.class, "", "stat.probability", "Probability that the object is a type Ia supernova",
                    s -> s.prediction().pSnIa()),
            TableColumn.of("p_SN_II", Double.class, "", "stat.probability", "Probability that the object is a type II supernova",
                    s -> s.prediction().pSnII()),
            TableColumn.of("p_OTHER", Double.class, "", "stat.probability", "Probability of any other class",
                    s -> s.prediction().pOther()),
            TableColumn.of("predicted_class", String.class, "", "src.class", "Class with the highest probability: SN_IA, SN_II or OTHER",
                    s -> s.prediction().predictedClass().name()),
            TableColumn.of("model_version", String.class, "", "meta.version", "Version of the model bundle that scored it",
                    s -> s.prediction().modelVersion()));

    private PredictionColumns() {
    }
}
