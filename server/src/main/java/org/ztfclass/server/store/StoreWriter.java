package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.Label;

/**
 * Writes what the readers produce into the store. Each call is one transaction: it either
 * stores the whole batch or nothing (a crash or kill mid-call leaves the store as before it).
 * Writes are idempotent: alerts by {@code candid} (a packet completes an alert known only from its
 * stamps, see {@link StampAlertWriter}), photometric points by object + band +
 * exposure time (to the second) + kind, catalogue rows by catalogue + object, catalogue labels
 * by object + catalogue + class. A point seen again (an alert's history repeating earlier
 * detections) fills in fields the stored copy lacks and is not added twice. After each batch
 * the summaries of the touched objects are recomputed.
 *
 * <p>Thread-safe; concurrent writers are serialised by SQLite.
 */
public final class StoreWriter {

    /** Seconds per day: the resolution of a point's identity. */
    private static final double SECONDS_PER_DAY = 86400.0;

    private static final String INSERT_OBJECT =
            "INSERT INTO objects (object_id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (object_id) DO NOTHING";
    private static final String INSERT_POINT =
            "INSERT INTO detections (object_id, candid, jd, jd_key, fid, is_upper_limit, magpsf, sigmapsf, diffmaglim, "
            + "ra, dec, rb, drb, isdiffpos, programid, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            + "ON CONFLICT (object_id, fid, jd_key, is_upper_limit) DO NOTHING";
    private static final String FILL_POINT =
            "UPDATE detections SET candid = COALESCE(candid, ?), diffmaglim = COALESCE(diffmaglim, ?), ra = COALESCE(ra, ?), "
            + "dec = COALESCE(dec, ?), rb = COALESCE(rb, ?), drb = COALESCE(drb, ?), isdiffpos = COALESCE(isdiffpos, ?), "
            + "programid = COALESCE(programid, ?) WHERE object_id = ? AND fid = ? AND jd_key = ? AND is_upper_limit = ? "
            // only a row that lacks a field this copy has: a repeated history point usually fills nothing, and an
            // UPDATE that changes nothing would still rewrite the row (and its page, in the write-ahead log)
            // (the values bound again as parameters 13-20: JDBC has no numbered parameters on PostgreSQL)
            + "AND (candid IS NULL AND ? IS NOT NULL OR diffmaglim IS NULL AND ? IS NOT NULL OR ra IS NULL AND ? IS NOT NULL "
            + "OR dec IS NULL AND ? IS NOT NULL OR rb IS NULL AND ? IS NOT NULL OR drb IS NULL AND ? IS NOT NULL "
            + "OR isdiffpos IS NULL AND ? IS NOT NULL OR programid IS NULL AND ? IS NOT NULL)";
    private static final String INSERT_ALERT =
            "INSERT INTO alerts (candid, object_id, jd, schema_version, ssdistnr, ssmagnr, sgscore1, distpsnr1, srmag1, "
            + "neargaia, maggaia, ndethist, jdstarthist, magnr, distnr, source_file, ingested_at) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (candid) DO UPDATE SET jd = excluded.jd, "
            // a packet whose alert is already known from its stamps alone (StampAlertWriter) brings what they lacked
            + "schema_version = excluded.schema_version, ssdistnr = excluded.ssdistnr, ssmagnr = excluded.ssmagnr, "
            + "sgscore1 = excluded.sgscore1, distpsnr1 = excluded.distpsnr1, srmag1 = excluded.srmag1, neargaia = excluded.neargaia, "
            + "maggaia = excluded.maggaia, ndethist = excluded.ndethist, jdstarthist = excluded.jdstarthist, magnr = excluded.magnr, "
            + "distnr = excluded.distnr, source_file = excluded.source_file, ingested_at = excluded.ingested_at "
            + "WHERE alerts.schema_version IS NULL AND excluded.schema_version IS NOT NULL";
    private static final String INSERT_CUTOUT =
            "INSERT INTO cutouts (candid, kind, file_name, fits_gz) VALUES (?,?,?,?) ON CONFLICT (candid, kind) DO NOTHING";
    private static final String INSERT_CATALOGUE =
            "INSERT INTO catalogue_entries (catalogue, object_id, alt_name, ra, dec, fine_class, peak_jd, peak_band, peak_mag, "
            + "peak_abs_mag, duration_days, rise_days, fade_days, lower_limits, redshift, galactic_latitude, extinction_av, "
            + "source_file) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (catalogue, object_id) DO NOTHING";
    private static final String INSERT_CATALOGUE_LABEL =
            "INSERT INTO labels (object_id, fine_class, top_class, source, source_ref, confidence, created_at) "
            + "VALUES (?,?,?,?,?,?,?) ON CONFLICT (object_id, source_ref, fine_class) WHERE source = 'catalogue' DO NOTHING";

    private final Database db;

    public StoreWriter(Database db) {
        this.db = db;
    }

    /**
     * Stores alert packets: the object, the alert's context, its cutouts, the triggering
     * detection and the history (detections and upper limits).
     *
     * @param sourced the packets, each with the file it came from
     */
    public IngestCounts writeAlerts(List<SourcedAlert> sourced) throws SQLException {
        if (sourced.isEmpty()) {
            return IngestCounts.NONE;
        }
        return db.inTransaction(c -> {
            String now = Instant.now().toString();
            Set<String> ids = new LinkedHashSet<>();
            List<Detection> points = new ArrayList<>();
            for (SourcedAlert s : sourced) {
                Alert a = s.alert();
                ids.add(a.objectId());
                points.addAll(a.history());
                points.add(a.candidate());
            }
            int objects = insertObjects(c, ids, now);
            int alertsAdded;
            int cutouts;
            try (PreparedStatement ps = c.prepareStatement(INSERT_ALERT);
                 PreparedStatement cs = c.prepareStatement(INSERT_CUTOUT)) {
                for (SourcedAlert s : sourced) {
                    Alert a = s.alert();
                    var x = a.context();
                    ps.setLong(1, a.candid());
                    ps.setString(2, a.objectId());
                    ps.setDouble(3, a.candidate().jd());
                    ps.setString(4, a.schemaVersion());
                    Sql.setDouble(ps, 5, x.ssdistnr());
                    Sql.setDouble(ps, 6, x.ssmagnr());
                    Sql.setDouble(ps, 7, x.sgscore1());
                    Sql.setDouble(ps, 8, x.distpsnr1());
                    Sql.setDouble(ps, 9, x.srmag1());
                    Sql.setDouble(ps, 10, x.neargaia());
                    Sql.setDouble(ps, 11, x.maggaia());
                    Sql.setInt(ps, 12, x.ndethist());
                    Sql.setDouble(ps, 13, x.jdstarthist());
                    Sql.setDouble(ps, 14, x.magnr());
                    Sql.setDouble(ps, 15, x.distnr());
                    ps.setString(16, s.sourceFile());
                    ps.setString(17, now);
                    ps.addBatch();
                    for (Cutout cut : a.cutouts()) {
                        cs.setLong(1, cut.candid());
                        cs.setString(2, cut.kind().urlName());
                        cs.setString(3, cut.fileName());
                        cs.setBytes(4, cut.stampData());
                        cs.addBatch();
                    }
                }
                alertsAdded = Sql.sum(ps.executeBatch());
                cutouts = Sql.sum(cs.executeBatch());
            }
            int[] pointCounts = insertPoints(c, points, "alert");
            SummaryRefresher.refresh(c, ids, now);
            return new IngestCounts(objects, alertsAdded, pointCounts[0], pointCounts[1], cutouts, 0, 0);
        });
    }

    /**
     * Stores alert stamps that came as files of their own, each as an alert known from its stamps
     * ({@link StampAlertWriter}).
     */
    public StampAlertWriter.Outcome writeStamps(List<StampAlertWriter.SourcedStamp> stamps) throws SQLException {
        return new StampAlertWriter(db).write(stamps);
    }

    /**
     * Stores photometric points from a light-curve table.
     *
     * @param source kind of source recorded with each point, e.g. {@code lightcurve-csv}, {@code alerce}
     */
    public IngestCounts writeDetections(List<Detection> detections, String source) throws SQLException {
        if (detections.isEmpty()) {
            return IngestCounts.NONE;
        }
        return db.inTransaction(c -> {
            String now = Instant.now().toString();
            Set<String> ids = new LinkedHashSet<>();
            detections.forEach(d -> ids.add(d.objectId()));
            int objects = insertObjects(c, ids, now);
            int[] counts = insertPoints(c, detections, source);
            SummaryRefresher.refresh(c, ids, now);
            return new IngestCounts(objects, 0, counts[0], counts[1], 0, 0, 0);
        });
    }

    /**
     * Stores catalogue rows; each row with a class becomes a label event whose source is the
     * catalogue. Rows with neither class, position nor light-curve summary are skipped.
     */
    public IngestCounts writeCatalogue(List<CatalogueEntry> rows, String sourceFile) throws SQLException {
        // A row without class, position or summary (an unclassified line of a label list) says nothing to keep.
        List<CatalogueEntry> entries = rows.stream()
                .filter(e -> e.fineClass() != null || e.ra() != null || e.peakMag() != null).toList();
        if (entries.isEmpty()) {
            return IngestCounts.NONE;
        }
        return db.inTransaction(c -> {
            String now = Instant.now().toString();
            Set<String> ids = new LinkedHashSet<>();
            entries.forEach(e -> ids.add(e.objectId()));
            int objects = insertObjects(c, ids, now);
            int catalogue;
            int labels;
            try (PreparedStatement ps = c.prepareStatement(INSERT_CATALOGUE);
                 PreparedStatement ls = c.prepareStatement(INSERT_CATALOGUE_LABEL)) {
                boolean anyRow = false;
                for (CatalogueEntry e : entries) {
                    if (e.ra() != null || e.peakMag() != null) {
                        ps.setString(1, e.catalogue());
                        ps.setString(2, e.objectId());
                        ps.setString(3, e.altName());
                        Sql.setDouble(ps, 4, e.ra());
                        Sql.setDouble(ps, 5, e.dec());
                        ps.setString(6, e.fineClass());
                        Sql.setDouble(ps, 7, e.peakJd());
                        ps.setString(8, e.peakBand());
                        Sql.setDouble(ps, 9, e.peakMag());
                        Sql.setDouble(ps, 10, e.peakAbsMag());
                        Sql.setDouble(ps, 11, e.durationDays());
                        Sql.setDouble(ps, 12, e.riseDays());
                        Sql.setDouble(ps, 13, e.fadeDays());
                        ps.setString(14, e.lowerLimits());
                        Sql.setDouble(ps, 15, e.redshift());
                        Sql.setDouble(ps, 16, e.galacticLatitude());
                        Sql.setDouble(ps, 17, e.extinctionAv());
                        ps.setString(18, sourceFile);
                        ps.addBatch();
                        anyRow = true;
                    }
                    if (e.fineClass() != null) {
                        Label l = Label.fromCatalogue(e.objectId(), e.fineClass(), e.catalogue());
                        ls.setString(1, l.objectId());
                        ls.setString(2, l.fineClass());
                        ls.setString(3, l.topClass().name());
                        ls.setString(4, l.source());
                        ls.setString(5, l.sourceRef());
                        Sql.setDouble(ls, 6, l.confidence());
                        ls.setString(7, now);
                        ls.addBatch();
                    }
                }
                catalogue = anyRow ? Sql.sum(ps.executeBatch()) : 0;
                labels = Sql.sum(ls.executeBatch());
            }
            SummaryRefresher.refresh(c, ids, now);
            return new IngestCounts(objects, 0, 0, 0, 0, catalogue, labels);
        });
    }

    /**
     * Gives an object a position when it has none (an object known only from survey photometry,
     * whose ZTF forced-photometry file states the position it was measured at). A stored position
     * is never changed.
     *
     * @return true when the position was set
     */
    public boolean fillPosition(String objectId, double raDeg, double decDeg) throws SQLException {
        try (java.sql.Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE objects SET ra = ?, dec = ?, updated_at = ? WHERE object_id = ? AND (ra IS NULL OR dec IS NULL)")) {
            ps.setDouble(1, raDeg);
            ps.setDouble(2, decDeg);
            ps.setString(3, Instant.now().toString());
            ps.setString(4, objectId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Stores photometry from another survey or instrument (the object is created if new). Re-ingest
     * adds nothing: a point is identified by object, instrument, band or frequency and time to the second.
     *
     * @return new points (in {@link IngestCounts#detections()})
     */
    public IngestCounts writePhotometry(List<org.ztfclass.votables.domain.PhotometryPoint> points, String sourceFile)
            throws SQLException {
        if (points.isEmpty()) {
            return IngestCounts.NONE;
        }
        return db.inTransaction(c -> {
            String now = Instant.now().toString();
            Set<String> ids = new LinkedHashSet<>();
            points.forEach(p -> ids.add(p.objectId()));
            int objects = insertObjects(c, ids, now);
            int added;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO photometry (object_id, mjd, mjd_key, instrument, band, "
                    + "frequency_ghz, mag, mag_err, flux_ujy, flux_err_ujy, limit_mag, source_file) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT DO NOTHING")) {
                for (var p : points) {
                    ps.setString(1, p.objectId());
                    ps.setDouble(2, p.mjd());
                    ps.setLong(3, Math.round(p.mjd() * SECONDS_PER_DAY));
                    ps.setString(4, p.instrument());
                    ps.setString(5, p.band());
                    Sql.setDouble(ps, 6, p.frequencyGHz());
                    Sql.setDouble(ps, 7, p.mag());
                    Sql.setDouble(ps, 8, p.magErr());
                    Sql.setDouble(ps, 9, p.fluxUJy());
                    Sql.setDouble(ps, 10, p.fluxErrUJy());
                    Sql.setDouble(ps, 11, p.limitMag());
                    ps.setString(12, sourceFile);
                    ps.addBatch();
                }
                added = Sql.sum(ps.executeBatch());
            }
            if (objects > 0) {
                SummaryRefresher.refresh(c, ids, now);
            }
            return new IngestCounts(objects, 0, added, 0, 0, 0, 0);
        });
    }

    private static int insertObjects(Connection c, Set<String> ids, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_OBJECT)) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.setString(2, now);
                ps.setString(3, now);
                ps.addBatch();
            }
            return Sql.sum(ps.executeBatch());
        }
    }

    /** @return {new detections, new upper limits} */
    private static int[] insertPoints(Connection c, List<Detection> points, String source) throws SQLException {
        int[] added = new int[2];
        List<Detection> seen = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(INSERT_POINT)) {
            for (Detection d : points) {
                ps.setString(1, d.objectId());
                Sql.setLong(ps, 2, d.candid());
                ps.setDouble(3, d.jd());
                ps.setLong(4, jdKey(d.jd()));
                ps.setInt(5, d.band().fid());
                ps.setInt(6, d.isUpperLimit() ? 1 : 0);
                Sql.setDouble(ps, 7, d.magpsf());
                Sql.setDouble(ps, 8, d.sigmapsf());
                Sql.setDouble(ps, 9, d.diffmaglim());
                Sql.setDouble(ps, 10, d.ra());
                Sql.setDouble(ps, 11, d.dec());
                Sql.setDouble(ps, 12, d.rb());
                Sql.setDouble(ps, 13, d.drb());
                ps.setString(14, d.isdiffpos());
                Sql.setInt(ps, 15, d.programid());
                ps.setString(16, source);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                Detection d = points.get(i);
                if (counts[i] > 0) {
                    added[d.isUpperLimit() ? 1 : 0]++;
                } else {
                    seen.add(d);
                }
            }
        }
        if (!seen.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(FILL_POINT)) {
                int pending = 0;
                for (Detection d : seen) {
                    if (d.candid() == null && d.diffmaglim() == null && d.ra() == null && d.dec() == null && d.rb() == null
                            && d.drb() == null && d.isdiffpos() == null && d.programid() == null) {
                        continue; // nothing this copy could fill in
                    }
                    for (int k = 0; k <= 12; k += 12) {
                        Sql.setLong(ps, 1 + k, d.candid());
                        Sql.setDouble(ps, 2 + k, d.diffmaglim());
                        Sql.setDouble(ps, 3 + k, d.ra());
                        Sql.setDouble(ps, 4 + k, d.dec());
                        Sql.setDouble(ps, 5 + k, d.rb());
                        Sql.setDouble(ps, 6 + k, d.drb());
                        ps.setString(7 + k, d.isdiffpos());
                        Sql.setInt(ps, 8 + k, d.programid());
                    }
                    pending++;
                    ps.setString(9, d.objectId());
                    ps.setInt(10, d.band().fid());
                    ps.setLong(11, jdKey(d.jd()));
                    ps.setInt(12, d.isUpperLimit() ? 1 : 0);
                    ps.addBatch();
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }
        return added;
    }

    /** @return the identity key of an exposure time: JD rounded to the second */
    static long jdKey(double jd) {
        return Math.round(jd * SECONDS_PER_DAY);
    }
}
