package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * Makes synthetic objects for scale tests by resampling the real objects in the store: each
 * copies a real object's summary and funnel facts with its position drawn uniformly over the
 * sky, magnitudes jittered by 0.2 mag, scores by 0.05, distances by 20 %, times shifted by up to
 * 500 days. They are named {@code synthetic000000001}, … and marked {@code synthetic = 1};
 * they have no light-curve rows. Deterministic for a given seed and store.
 */
public final class SyntheticObjects {

    private static final int BATCH = 20_000;
    private final Database db;

    public SyntheticObjects(Database db) {
        this.db = db;
    }

    /**
     * Adds {@code count} synthetic objects.
     *
     * @param progress told the number written so far after each batch
     * @return the number of real objects they were resampled from
     * @throws IllegalStateException if the store holds no real object with photometry to copy
     */
    public int generate(long count, long seed, LongConsumer progress) throws SQLException {
        List<ObjectFacts> templates = new ArrayList<>();
        new FunnelStore(db).forEachFacts(f -> {
            if (!f.synthetic() && (f.nDetections() > 0 || f.cataloguePeakMag() != null)) {
                templates.add(f);
            }
        });
        if (templates.isEmpty()) {
            throw new IllegalStateException("no real object with photometry in the store to resample: ingest data first");
        }
        Random random = new Random(seed);
        try (Connection c = db.connect()) {
            long next;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM objects WHERE synthetic = 1")) {
                rs.next();
                next = rs.getLong(1);
            }
            c.setAutoCommit(false);
            String now = Instant.now().toString();
            try (PreparedStatement o = c.prepareStatement("INSERT INTO objects (object_id, ra, dec, first_detection_jd, last_detection_jd, "
                    + "n_detections, n_upper_limits, peak_mag_g, peak_mag_r, peak_mag_i, created_at, updated_at, synthetic, "
                    + "real_score_1, real_score_2, real_score_3, real_score_4, real_score_5, n_episodes, catalogue_peak_mag, "
                    + "ssdistnr, ssmagnr, sgscore1, distpsnr1, neargaia, maggaia, ndethist, jdstarthist, distnr, magnr) "
                    + "VALUES (?,?,?,?,?,?,0,?,?,?,?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (long i = 0; i < count; i++) {
                    ObjectFacts t = templates.get(random.nextInt(templates.size()));
                    double shift = (random.nextDouble() * 2 - 1) * 500;
                    double magJitter = random.nextGaussian() * 0.2;
                    o.setString(1, String.format("synthetic%09d", ++next));
                    o.setDouble(2, random.nextDouble() * 360);
                    o.setDouble(3, Math.toDegrees(Math.asin(random.nextDouble() * 2 - 1)));
                    Sql.setDouble(o, 4, plus(t.firstJd(), shift));
                    Sql.setDouble(o, 5, plus(t.lastJd(), shift));
                    o.setInt(6, t.nDetections());
                    Sql.setDouble(o, 7, plus(t.peakMag(), magJitter));
                    Sql.setDouble(o, 8, plus(t.peakMag(), magJitter + 0.1));
                    o.setNull(9, java.sql.Types.REAL);
                    o.setString(10, now);
                    o.setString(11, now);
                    for (int k = 0; k < ObjectFacts.MAX_SCORES; k++) {
                        Sql.setDouble(o, 12 + k, k < t.bestScores().length
                                ? Double.valueOf(clip(t.bestScores()[k] + random.nextGaussian() * 0.05, 0, 1)) : null);
                    }
                    o.setInt(17, t.episodes());
                    Sql.setDouble(o, 18, plus(t.cataloguePeakMag(), magJitter));
                    Sql.setDouble(o, 19, distance(t.ssdistnr(), random));
                    Sql.setDouble(o, 20, t.ssmagnr());
                    Sql.setDouble(o, 21, t.sgscore1() == null ? null : Double.valueOf(clip(t.sgscore1() + random.nextGaussian() * 0.05, 0, 1)));
                    Sql.setDouble(o, 22, distance(t.distpsnr1(), random));
                    Sql.setDouble(o, 23, distance(t.neargaia(), random));
                    Sql.setDouble(o, 24, t.maggaia());
                    Sql.setInt(o, 25, t.ndethist());
                    Sql.setDouble(o, 26, plus(t.jdstarthist(), shift));
                    Sql.setDouble(o, 27, distance(t.distnr(), random));
                    Sql.setDouble(o, 28, t.magnr());
                    o.addBatch();
                    if ((i + 1) % BATCH == 0 || i + 1 == count) {
                        o.executeBatch();
                        c.commit();
                        progress.accept(i + 1);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return templates.size();
    }

    private static Double plus(Double v, double d) {
        return v == null ? null : v + d;
    }

    /** @return a distance scaled by a factor around 1 (20 %); null and the "none" marker -999 unchanged */
    private static Double distance(Double v, Random r) {
        if (v == null || v < 0) {
            return v;
        }
        return v * Math.max(0, 1 + r.nextGaussian() * 0.2);
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
