package org.ztfclass.server.tap;

import java.util.List;
import java.util.Optional;

/**
 * What the TAP service publishes: the tables {@code ztf.objects}, {@code ztf.predictions} and
 * {@code ztf.labels}, each a whitelist of store columns with units, UCDs and descriptions.
 * Every identifier in a query is checked against this schema; nothing else of the store
 * (users, funnel bookkeeping, cutouts) can be reached. {@code ztf.labels} reads the view
 * {@code tap_labels}, which shows labellers by pseudonym only.
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

    // read through the store's view tap_labels (migration V12): a person's user name never leaves, only their pseudonym
    private static final TapTable LABELS = new TapTable(SCHEMA, "labels", "tap_labels",
            "Label events (append-only): who said which class an object is, from which source. The current class is the latest event. "
                    + "People appear under a stable pseudonym, never their user name.",
            List.of(
                    col("id", Long.class, "", "meta.id;meta.main", "Label event number (increasing with time)"),
                    col("object_id", String.class, "", "meta.id", "ZTF object identifier (ztf.objects.object_id)"),
                    col("fine_class", String.class, "", "meta.code.class", "Class as given, e.g. SN Ia-91T-like"),
                    col("top_class", String.class, "", "src.class", "Top-level class: SN_IA, SN_II or OTHER"),
                    col("source", String.class, "", "meta.ref", "Where the label came from: catalogue, web, samp, topcat, auto"),
                    col("source_ref", String.class, "", "meta.ref", "Catalogue name, model version, or the labeller's pseudonym (labeller-…)"),
                    col("confidence", Double.class, "", "stat.probability", "Labeller's confidence, 0..1"),
                    col("created_at", String.class, "", "time.creation", "When the label was given (ISO-8601 UTC)")));

    /** The schema describing the published tables (TAP 1.1 §4), served from {@link MetadataDatabase}. */
    public static final String TAP_SCHEMA = "TAP_SCHEMA";

    private static final TapTable TS_SCHEMAS = new TapTable(TAP_SCHEMA, "schemas", "schemas",
            "The schemas of this service", List.of(
                    col("schema_name", String.class, "", "meta.id", "Schema name"),
                    col("utype", String.class, "", "meta.id", "Schema utype"),
                    col("description", String.class, "", "meta.note", "What the schema holds"),
                    col("schema_index", Integer.class, "", "meta.number", "Ordering of the schemas")));
    private static final TapTable TS_TABLES = new TapTable(TAP_SCHEMA, "tables", "tables",
            "The tables of this service", List.of(
                    col("schema_name", String.class, "", "meta.id", "Schema holding the table"),
                    col("table_name", String.class, "", "meta.id;meta.main", "Qualified table name"),
                    col("table_type", String.class, "", "meta.code", "table or view"),
                    col("utype", String.class, "", "meta.id", "Table utype"),
                    col("description", String.class, "", "meta.note", "What the table holds"),
                    col("table_index", Integer.class, "", "meta.number", "Ordering of the tables")));
    private static final TapTable TS_COLUMNS = new TapTable(TAP_SCHEMA, "columns", "columns",
            "The columns of the tables of this service", List.of(
                    col("table_name", String.class, "", "meta.id", "Qualified name of the column's table"),
                    col("column_name", String.class, "", "meta.id;meta.main", "Column name"),
                    col("utype", String.class, "", "meta.id", "Column utype"),
                    col("ucd", String.class, "", "meta.ucd", "Column UCD"),
                    col("unit", String.class, "", "meta.unit", "Column unit (VOUnit)"),
                    col("description", String.class, "", "meta.note", "What the column holds"),
                    col("datatype", String.class, "", "meta.code", "VOTable datatype"),
                    col("arraysize", String.class, "", "meta.code", "VOTable arraysize"),
                    col("xtype", String.class, "", "meta.code", "VOTable xtype"),
                    col("size", Integer.class, "", "meta.number", "Deprecated: length of fixed-size arrays"),
                    col("principal", Integer.class, "", "meta.code", "1 if the column is of main interest"),
                    col("indexed", Integer.class, "", "meta.code", "1 if the column is indexed"),
                    col("std", Integer.class, "", "meta.code", "1 if the column is defined by a standard"),
                    col("column_index", Integer.class, "", "meta.number", "Ordering of the columns in the table")));
    private static final TapTable TS_KEYS = new TapTable(TAP_SCHEMA, "keys", "keys",
            "Foreign keys between the tables", List.of(
                    col("key_id", String.class, "", "meta.id;meta.main", "Key identifier"),
                    col("from_table", String.class, "", "meta.id", "Table holding the foreign key"),
                    col("target_table", String.class, "", "meta.id", "Table the key points to"),
                    col("utype", String.class, "", "meta.id", "Key utype"),
                    col("description", String.class, "", "meta.note", "What the key means")));
    private static final TapTable TS_KEY_COLUMNS = new TapTable(TAP_SCHEMA, "key_columns", "key_columns",
            "The columns of the foreign keys", List.of(
                    col("key_id", String.class, "", "meta.id", "Key identifier"),
                    col("from_column", String.class, "", "meta.id", "Column of from_table"),
                    col("target_column", String.class, "", "meta.id", "Column of target_table")));

    private static final List<TapTable> TABLES = List.of(OBJECTS, PREDICTIONS, LABELS,
            TS_SCHEMAS, TS_TABLES, TS_COLUMNS, TS_KEYS, TS_KEY_COLUMNS);

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

    /** @return the foreign keys: {key id, from table, from column, target table, target column} */
    public static List<String[]> foreignKeys() {
        return List.of(
                new String[] {"predictions_object", "ztf.predictions", "object_id", "ztf.objects", "object_id"},
                new String[] {"labels_object", "ztf.labels", "object_id", "ztf.objects", "object_id"},
                new String[] {"ts_tables_schema", "TAP_SCHEMA.tables", "schema_name", "TAP_SCHEMA.schemas", "schema_name"},
                new String[] {"ts_columns_table", "TAP_SCHEMA.columns", "table_name", "TAP_SCHEMA.tables", "table_name"},
                new String[] {"ts_keys_from", "TAP_SCHEMA.keys", "from_table", "TAP_SCHEMA.tables", "table_name"},
                new String[] {"ts_keys_target", "TAP_SCHEMA.keys", "target_table", "TAP_SCHEMA.tables", "table_name"},
                new String[] {"ts_key_columns_key", "TAP_SCHEMA.key_columns", "key_id", "TAP_SCHEMA.keys", "key_id"});
    }

    /** Store columns with an index behind them. */
    private static final java.util.Set<String> INDEXED = java.util.Set.of("ztf.objects.object_id", "ztf.objects.dec",
            "ztf.objects.ra", "ztf.labels.id", "ztf.labels.object_id", "ztf.predictions.object_id");

    /** @return whether a column of a table has an index in the store */
    public static boolean isIndexed(TapTable t, TapColumn c) {
        return INDEXED.contains(t.qualifiedName() + "." + c.name());
    }

    /** @return true for the tables of {@link #TAP_SCHEMA} */
    public static boolean isMetadata(TapTable t) {
        return t.schema().equals(TAP_SCHEMA);
    }

    /** @return the qualified names of the published tables, comma-separated, for error messages */
    public static String tableNames() {
        return String.join(", ", TABLES.stream().map(TapTable::qualifiedName).toList());
    }

    private static TapColumn col(String name, Class<?> type, String unit, String ucd, String description) {
        return new TapColumn(name, name, type, unit, ucd, description);
    }
}
