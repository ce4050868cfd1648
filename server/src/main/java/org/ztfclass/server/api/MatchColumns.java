package org.ztfclass.server.api;

import java.util.List;
import org.ztfclass.votables.domain.Prediction;
import org.ztfclass.votables.domain.ZtfObject;
import uk.ac.starlink.table.ColumnInfo;

/** The columns {@code /api/objects/match} appends to a user's table, and how a match fills them. */
final class MatchColumns {

    /** A matched object, how it matched, and how far it is from the row's position. */
    record Hit(ZtfObject object, String how, double distanceArcsec) {
    }

    static final int STATUS = 3;

    static final List<ColumnInfo> ALL = List.of(
            info("ztf_objectId", String.class, null, "meta.id", "ztfclass object matched to this row"),
            info("ztf_ra", Double.class, "deg", "pos.eq.ra", "Position of the matched object (ICRS)"),
            info("ztf_dec", Double.class, "deg", "pos.eq.dec", "Position of the matched object (ICRS)"),
            info("match", String.class, null, "meta.code", "How the row matched: id, position, or none (unknown to ztfclass)"),
            info("match_distance", Double.class, "arcsec", "pos.angDistance", "Distance between the row's position and the object"),
            info("p_SN_IA", Double.class, null, "stat.probability", "Latest model's probability of SN Ia"),
            info("p_SN_II", Double.class, null, "stat.probability", "Latest model's probability of SN II"),
            info("p_OTHER", Double.class, null, "stat.probability", "Latest model's probability of any other class"),
            info("predicted_class", String.class, null, "src.class", "Class with the highest probability"),
            info("model_version", String.class, null, "meta.version", "Model that made the prediction"),
            info("label_class", String.class, null, "src.class;meta.main", "Current label from label events (people, catalogues)"),
            info("n_detections", Integer.class, "count", "meta.number;obs", "ZTF detections in the store"),
            info("peak_mag", Double.class, "mag", "phot.mag;stat.max", "Brightest ZTF PSF magnitude in any band"),
            info("url", String.class, null, "meta.ref.url", "The object's ztfclass page"));

    private MatchColumns() {
    }

    static void fill(Object[] row, int offset, Hit hit, Prediction p, String pageBase) {
        ZtfObject o = hit.object();
        row[offset] = o.objectId();
        row[offset + 1] = o.ra();
        row[offset + 2] = o.dec();
        row[offset + STATUS] = hit.how();
        row[offset + 4] = hit.distanceArcsec();
        if (p != null) {
            row[offset + 5] = p.pSnIa();
            row[offset + 6] = p.pSnII();
            row[offset + 7] = p.pOther();
            row[offset + 8] = p.predictedClass().name();
            row[offset + 9] = p.modelVersion();
        }
        row[offset + 10] = o.labelClass();
        row[offset + 11] = o.nDetections();
        Double peak = null;
        for (Double m : new Double[] {o.peakMagG(), o.peakMagR(), o.peakMagI()}) {
            if (m != null && (peak == null || m < peak)) {
                peak = m;
            }
        }
        row[offset + 12] = peak;
        row[offset + 13] = pageBase + o.objectId();
    }

    private static ColumnInfo info(String name, Class<?> type, String unit, String ucd, String description) {
        ColumnInfo c = new ColumnInfo(name, type, description);
        c.setUnitString(unit);
        c.setUCD(ucd);
        c.setNullable(true);
        return c;
    }
}
