package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.votables.fits.CutoutFileReader;
import org.ztfclass.votables.fits.CutoutFileReader.CutoutFile;
import org.ztfclass.votables.input.InputProblem;

/**
 * Stores alert stamps that came as files of their own ({@link CutoutFileReader}): each distinct
 * candid becomes an <em>alert known from its stamps</em>, an {@code alerts} row with the candid, the
 * object and the time of its candidate detection and no packet fields ({@code schema_version} and
 * the context columns NULL), and the stamps its {@code cutouts}. So the page, the cutout API and
 * the CNN find them as they find a packet's; the alert context of an object is still read from
 * its latest <em>packet</em> ({@code schema_version} set).
 *
 * <p>The time is the object's stored detection with that candid ({@link CutoutFileReader#candidateOf});
 * a stamp whose detection is not in the store is not stored, and reported (ingest the light curve
 * with its candids first, or in the same run: {@code ingest} writes stamps last). One transaction;
 * idempotent (an alert or stamp already stored is left as it is). Thread-safe.
 */
public final class StampAlertWriter {

    private static final String DETECTIONS =
            "SELECT candid, jd FROM detections WHERE object_id = ? AND is_upper_limit = 0 AND candid IS NOT NULL";
    private static final String INSERT_ALERT =
            "INSERT INTO alerts (candid, object_id, jd, source_file, ingested_at) VALUES (?,?,?,?,?) ON CONFLICT (candid) DO NOTHING";
    private static final String INSERT_CUTOUT =
            "INSERT INTO cutouts (candid, kind, file_name, fits_gz) VALUES (?,?,?,?) ON CONFLICT (candid, kind) DO NOTHING";

    /** What a write did: rows added, and the stamps not stored with why. */
    public record Outcome(IngestCounts added, List<InputProblem> problems) {
    }

    /** A stamp and the file it came from. */
    public record SourcedStamp(CutoutFile stamp, String sourceFile) {
    }

    private final Database db;

    public StampAlertWriter(Database db) {
        this.db = db;
    }

    /** Stores the stamps whose candidate detection is in the store; reports the others. */
    public Outcome write(List<SourcedStamp> stamps) throws SQLException {
        if (stamps.isEmpty()) {
            return new Outcome(IngestCounts.NONE, List.of());
        }
        Map<String, List<SourcedStamp>> byObject = new LinkedHashMap<>();
        stamps.forEach(s -> byObject.computeIfAbsent(s.stamp().objectId(), k -> new ArrayList<>()).add(s));
        return db.inTransaction(c -> {
            String now = Instant.now().toString();
            List<InputProblem> problems = new ArrayList<>();
            int alerts = 0;
            int cutouts = 0;
            try (PreparedStatement alert = c.prepareStatement(INSERT_ALERT);
                 PreparedStatement cut = c.prepareStatement(INSERT_CUTOUT)) {
                for (Map.Entry<String, List<SourcedStamp>> e : byObject.entrySet()) {
                    Map<Long, Double> times = detectionTimes(c, e.getKey());
                    for (SourcedStamp s : e.getValue()) {
                        long candid = s.stamp().cutout().candid();
                        Long own = CutoutFileReader.candidateOf(candid, times.keySet());
                        Double jd = own == null ? null : times.get(own);
                        if (jd == null) {
                            problems.add(new InputProblem(s.sourceFile(), "file", "no stored detection of " + e.getKey()
                                    + " has candid " + candid + ": ingest the object's light curve with its candids first"));
                            continue;
                        }
                        alert.setLong(1, candid);
                        alert.setString(2, e.getKey());
                        alert.setDouble(3, jd);
                        alert.setString(4, s.sourceFile());
                        alert.setString(5, now);
                        alerts += alert.executeUpdate();
                        cut.setLong(1, candid);
                        cut.setString(2, s.stamp().cutout().kind().urlName());
                        cut.setString(3, s.stamp().cutout().fileName());
                        cut.setBytes(4, s.stamp().cutout().stampData());
                        cutouts += cut.executeUpdate();
                    }
                }
            }
            return new Outcome(new IngestCounts(0, alerts, 0, 0, cutouts, 0, 0), problems);
        });
    }

    /** @return candid → time (JD) of the object's stored detections that have a candid */
    private static Map<Long, Double> detectionTimes(Connection c, String objectId) throws SQLException {
        Map<Long, Double> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(DETECTIONS)) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }
}
