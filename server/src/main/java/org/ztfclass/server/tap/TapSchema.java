package org.ztfclass.server.tap;

import java.util.List;
import java.util.Optional;

/**
 * What the TAP service publishes: the tables {@code ztf.objects}, {@code ztf.predictions} and
 * {@code ztf.labels}, each a whitelist of store columns with units, UCDs and descriptions.
 * Every identifier in a query is checked against this schema; nothing else of the store
 * (users, funnel bookkeeping, cutouts) can be reached.
 */
public final class TapSchema {

    /** The one schema name. */
    public static final String SCHEMA = "ztf";

    private static final TapTable OBJECTS = new TapTable(SCHEMA, "objects", "objects",
            "ZTF objects in the ztfclass store: mean position and light-curve summary (one row per ZTF object id).",
            List.of(
                    col("object_id", String.class, "", "meta.id;meta.main", "ZTF object identifier"),
                    col("ra", Double.class, "deg", "pos.eq.ra;meta.main", "Mean ICRS right ascension of the detections"),
                    col("dec", Double.class, "deg", "pos.eq.dec;meta.main", "Mean ICRS declination of the detections"),
                    col("first_detection_jd", Double.class, "d", "time.start;obs", "Julian Date of the first detection"),
                    col("last_detection_jd", Double.class, "d", "time.end;obs", "Julian Date of the last detection"),
                    col("n_detections", Integer.class, "count", "meta.number;obs", "Number of detections (upper limits excluded)"),
                    col("n_upper_limits", Integer.class, "count", "meta.number;obs", "Number of upper limits (non-detections)"),
                    col("peak_mag_g", Double.class, "mag", "phot.mag;em.opt.B;stat.max", "Brightest ZTF g PSF magnitude (AB)"),
                    col("peak_mag_r", Double.class, "mag", "phot.mag;em.opt.R;stat.max", "Brightest ZTF r PSF magnitude (AB)"),
                    col("peak_mag_i", Double.class, "mag", "phot.mag;em.opt.I;stat.max", "Brightest ZTF i PSF magnitude (AB)"),
                    col("sgscore1", Double.class, "", "src.class.starGalaxy", "PS1 star/galaxy score of the nearest PS1 source (1 = star), latest alert"),
                    col("distpsnr1", Double.class, "arcsec", "pos.angDistance", "Distance to the nearest PS1 source, latest alert"),
                    col("ssdistnr", Double.class, "arcsec", "pos.angDistance", "Distance to the nearest known solar-system object, latest alert"),
                    col("synthetic", Integer.class, "", "meta.code", "1 for a synthetic object resampled from real ones (scale tests), else 0")));

    private static final TapTable PREDICTIONS = new TapTable(SCHEMA, "predictions", "predictions",
            "Class probabilities from the ztfclass classifier: one row per object and model version.",
            List.of(
                    col("object_id", String.class, "", "meta.id", "ZTF object identifier (ztf.objects.object_id)"),
                    col("model_version", String.class, "", "meta.version", "Model bundle that made the prediction"),
                    col("p_sn_ia", Double.class, "", "stat.probability", "Probability of SN Ia"),
                    col("p_sn_ii", Double.class, "", "stat.probability", "Probability of SN II"),
                    col("p_other", Double.class, "", "stat.probability", "Probability of any other class"),
                    col("predicted_class", String.class, "", "src.class", "Class with the highest probability: SN_IA, SN_II or OTHER"),
                    col("created_at", String.class, "", "time.creation", "When the prediction was stored (ISO-8601 UTC)")));

    private static final TapTable LABELS = new TapTable(SCHEMA, "labels", "labels",
            "Label events (append-only): who said which class an object is, from which source. The current class is the latest event.",
            List.of(
                    col("id", Long.class, "", "meta.id;meta.main", "Label event number (increasing with time)"),
                    col("object_id", String.class, "", "meta.id", "ZTF object identifier (ztf.objects.object_id)"),
                    col("fine_class", String.class, "", "meta.code.class", "Class as given, e.g. SN Ia-91T-like"),
                    col("top_class", String.class, "", "src.class", "Top-level class: SN_IA, SN_II or OTHER"),
                    col("source", String.class, "", "meta.ref", "Where the label came from: catalogue, web, samp, topcat, auto"),
                    col("source_ref", String.class, "", "meta.ref", "Catalogue name or model version behind the label"),
                    col("confidence", Double.class, "", "stat.probability", "Labeller's confidence, 0..1"),
                    col("created_at", String.class, "", "time.creation", "When the label was given (ISO-8601 UTC)")));

    private static final List<TapTable> TABLES = List.of(OBJECTS, PREDICTIONS, LABELS);

    private TapSchema() {
    }

    /** @return every published table */
    public static List<TapTable> tables() {
        return TABLES;
    }

    /**
     * @param schema   schema as written (null when the query named none)
     * @param name     table name as written, unquoted
     * @param quoted   whether the names were delimited identifiers (case-sensitive)
     * @return the table, if published
     */
    public static Optional<TapTable> table(String schema, String name, boolean quoted) {
        for (TapTable t : TABLES) {
            boolean schemaOk = schema == null || (quoted ? t.schema().equals(schema) : t.schema().equalsIgnoreCase(schema));
            boolean nameOk = quoted ? t.name().equals(name) : t.name().equalsIgnoreCase(name);
            if (schemaOk && nameOk) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** @return the qualified names of the published tables, comma-separated, for error messages */
    public static String tableNames() {
        return String.join(", ", TABLES.stream().map(TapTable::qualifiedName).toList());
    }

    private static TapColumn col(String name, Class<?> type, String unit, String ucd, String description) {
        return new TapColumn(name, name, type, unit, ucd, description);
    }
}
