package org.ztfclass.votables.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The official ZTF alert schema (ztf-avro-alert, schema v4.02), shipped with the project.
 * Used to decide whether a packet written with some other schema version still carries what
 * ztfclass needs: every packet embeds its own writer schema, and we read it with that schema,
 * resolving fields by name. This class says which fields must be there.
 */
public final class OfficialAlertSchema {

    private static final String[] FILES = {"cutout.avsc", "candidate.avsc", "prv_candidate.avsc", "fp_hist.avsc", "alert.avsc"};
    /** Top-level fields ztfclass cannot do without. */
    private static final List<String> REQUIRED_ALERT_FIELDS = List.of("objectId", "candid", "candidate");
    /** Candidate fields ztfclass cannot do without. */
    private static final List<String> REQUIRED_CANDIDATE_FIELDS = List.of("jd", "fid", "magpsf", "sigmapsf", "ra", "dec");

    private static final Schema ALERT = load();

    private OfficialAlertSchema() {
    }

    /** @return the official alert record schema ({@code ztf.alert}, version 4.02) */
    public static Schema alert() {
        return ALERT;
    }

    /** @return the version the shipped schema declares */
    public static String version() {
        return ALERT.getProp("version");
    }

    /**
     * Lists the fields that ztfclass requires and that {@code writer} lacks, using the names of
     * the official schema. Works through unions with null (as in Spark-written packets).
     *
     * @return e.g. {@code ["objectId", "candidate.magpsf"]}; empty if the writer schema is usable
     */
    public static List<String> missingFields(Schema writer) {
        List<String> missing = new ArrayList<>();
        Schema record = nonNull(writer);
        if (record.getType() != Schema.Type.RECORD) {
            missing.addAll(REQUIRED_ALERT_FIELDS);
            return missing;
        }
        for (String f : REQUIRED_ALERT_FIELDS) {
            if (record.getField(f) == null) {
                missing.add(f);
            }
        }
        Schema.Field candidate = record.getField("candidate");
        if (candidate != null) {
            Schema c = nonNull(candidate.schema());
            for (String f : REQUIRED_CANDIDATE_FIELDS) {
                if (c.getType() != Schema.Type.RECORD || c.getField(f) == null) {
                    missing.add("candidate." + f);
                }
            }
        }
        return missing;
    }

    /** @return the non-null branch of a {@code [null, X]} union, or the schema itself */
    static Schema nonNull(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            for (Schema branch : s.getTypes()) {
                if (branch.getType() != Schema.Type.NULL) {
                    return branch;
                }
            }
        }
        return s;
    }

    private static Schema load() {
        Schema.Parser parser = new Schema.Parser();
        Schema last = null;
        for (String f : FILES) {
            try (InputStream in = OfficialAlertSchema.class.getResourceAsStream("schema/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("official ZTF schema file missing from the jar: " + f);
                }
                last = parser.parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return last;
    }
}
