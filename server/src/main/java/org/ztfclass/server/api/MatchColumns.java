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
            info("p_SN_IA", Double.class, null, "stat.probability", "Current (serving) model version's probability of SN Ia"),
            info("p_SN_II", Double.class, null, "stat.probability", "Current (serving) model version's probability of SN II"),
            info("p_OTHER", Double.class, null, "stat.probability", "Current (serving) model version's probability of any other class"),
            info("predicted_class", String.class, null, "src.class", "Class with the highest probability"),
            info("model_version", String.class, null, "meta.version", "Model that made the prediction"),
            info("label_class", String.class, null, "src.class;meta.main", "Current label from label events (people, catalogues)"),
            info("n_detections", Integer.class, "count", "meta.number;obs", "ZTF detections in the store"),
            info("peak_mag", Double.class, "mag", "phot.mag;stat.max", "Brightest ZTF PSF magnitude in any band"),
            info("url", String.class, null, "meta.ref.url", "The object's ztfclass page"),
            // from the cross-match cache (ztfclass crossmatch); never a remote query
            info("radio_catalogue", String.class, null, "meta.id;meta.dataset", "Catalogue of the nearest radio source (nvss, first, vlass, racs, lotss)"),
            info("radio_source_id", String.class, null, "meta.id", "Nearest radio source"),
            info("radio_separation", Double.class, "arcsec", "pos.angDistance", "Distance to the nearest radio source"),
            info("radio_flux", Double.class, "uJy", "phot.flux.density;em.radio", "Its flux density"),
            info("radio_flux_err", Double.class, "uJy", "stat.error;phot.flux.density;em.radio", "Error of radio_flux"),
            info("radio_frequency", Double.class, "GHz", "em.freq", "Frequency of radio_flux"),
            info("host_catalogue", String.class, null, "meta.id;meta.dataset", "Catalogue of the host candidate (nearest PS1, else SDSS source)"),
            info("host_source_id", String.class, null, "meta.id", "Host candidate"),
            info("host_separation", Double.class, "arcsec", "pos.angDistance", "Distance to the host candidate"),
            info("host_r_mag", Double.class, "mag", "phot.mag;em.opt.R", "Host candidate r magnitude (AB)"),
            info("host_g_r", Double.class, "mag", "phot.color;em.opt.B;em.opt.R", "Host candidate g-r colour (AB)"));

    /** Index of the first cross-match column. */
    static final int CROSSMATCH = 14;

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

    /** Fills the cross-match columns from the cache's summary of the object. */
    static void fillCrossmatch(Object[] row, int offset, org.ztfclass.server.crossmatch.CrossmatchSummary s) {
        int i = offset + CROSSMATCH;
        if (s.radio() != null) {
            row[i] = s.radio().catalogue();
            row[i + 1] = s.radio().sourceId();
            row[i + 2] = s.radio().separationArcsec();
            row[i + 3] = s.radio().fluxUJy();
            row[i + 4] = s.radio().fluxErrUJy();
            row[i + 5] = s.radio().frequencyGHz();
        }
        if (s.host() != null) {
            row[i + 6] = s.host().catalogue();
            row[i + 7] = s.host().sourceId();
            row[i + 8] = s.host().separationArcsec();
            row[i + 9] = s.host().rMag();
            row[i + 10] = s.host().gMinusR();
        }
    }

    private static ColumnInfo info(String name, Class<?> type, String unit, String ucd, String description) {
        ColumnInfo c = new ColumnInfo(name, type, description);
        c.setUnitString(unit);
        c.setUCD(ucd);
        c.setNullable(true);
        return c;
    }
}
