package org.ztfclass.server.learning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.ztfclass.server.store.Database;
import org.ztfclass.votables.sky.GalacticLatitude;

/**
 * Picks the objects to label first so that they represent the transients the funnel passed:
 * strata of brightness (peak magnitude: brighter than 17, 17–18, 18–18.5, fainter), sky position
 * (|b| 7–20°, 20–40°, above 40°, unknown) and time (year of first detection); each stratum gets
 * seats in proportion to its size (largest remainders), filled in a seeded random order; the
 * strata then interleave so any first part of the list is itself representative. Objects the
 * funnel dropped are left out (all objects when it never ran). Choosing again replaces the set.
 */
public final class InitialSet {

    /** One stratum's share. */
    public record Stratum(String name, int available, int chosen, int labelled) {
    }

    private final Database db;

    public InitialSet(Database db) {
        this.db = db;
    }

    /** Chooses {@code size} objects (fewer if fewer passed) and stores them as the initial set. */
    public List<Stratum> choose(int size, long seed) throws SQLException {
        Map<String, List<String>> strata = new TreeMap<>();
        String sql = "SELECT o.object_id, o.ra, o.dec, o.first_detection_jd, "
                + db.dialect().least("COALESCE(o.peak_mag_g, 99)", "COALESCE(o.peak_mag_r, 99)", "COALESCE(o.peak_mag_i, 99)",
                        "COALESCE(o.catalogue_peak_mag, 99)") + " AS peak FROM objects o "
                + "WHERE o.synthetic = 0 AND NOT EXISTS (SELECT 1 FROM funnel_drops d WHERE d.object_id = o.object_id AND d.rescued = 0 "
                + "AND d.run_id = (SELECT MAX(id) FROM funnel_runs)) ORDER BY o.object_id";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double peak = rs.getDouble("peak");
                double ra = rs.getDouble("ra");
                boolean hasPosition = !rs.wasNull();
                double dec = rs.getDouble("dec");
                double first = rs.getDouble("first_detection_jd");
                boolean hasTime = !rs.wasNull();
                strata.computeIfAbsent(brightness(peak) + " | " + (hasPosition ? sky(ra, dec) : "|b| unknown") + " | "
                        + (hasTime ? year(first) : "no detection"), k -> new ArrayList<>()).add(rs.getString("object_id"));
            }
        }
        int total = strata.values().stream().mapToInt(List::size).sum();
        int seats = Math.min(size, total);
        Map<String, Integer> share = new LinkedHashMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        int given = 0;
        for (Map.Entry<String, List<String>> s : strata.entrySet()) {
            double exact = total == 0 ? 0 : (double) seats * s.getValue().size() / total;
            share.put(s.getKey(), (int) Math.floor(exact));
            given += (int) Math.floor(exact);
            remainders.add(Map.entry(s.getKey(), exact - Math.floor(exact)));
        }
        remainders.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; given < seats; i++, given++) {
            share.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        Random random = new Random(seed);
        Map<String, List<String>> picked = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> s : strata.entrySet()) {
            List<String> members = new ArrayList<>(s.getValue());
            Collections.shuffle(members, random);
            picked.put(s.getKey(), members.subList(0, share.get(s.getKey())));
        }
        List<String[]> order = interleave(picked);
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM initial_set");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO initial_set (object_id, position, stratum, created_at) VALUES (?,?,?,?)")) {
                del.executeUpdate();
                String now = Instant.now().toString();
                for (int i = 0; i < order.size(); i++) {
                    ins.setString(1, order.get(i)[0]);
                    ins.setInt(2, i + 1);
                    ins.setString(3, order.get(i)[1]);
                    ins.setString(4, now);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
        Map<String, Integer> available = new LinkedHashMap<>();
        strata.forEach((k, v) -> available.put(k, v.size()));
        return strata(available);
    }

    /** @return the stored set's strata with how many of each are labelled so far */
    public List<Stratum> progress() throws SQLException {
        return strata(null);
    }

    private List<Stratum> strata(Map<String, Integer> available) throws SQLException {
        List<Stratum> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT s.stratum, COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM labels l WHERE l.object_id = s.object_id) "
                + "THEN 1 ELSE 0 END) FROM initial_set s GROUP BY s.stratum ORDER BY s.stratum");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                out.add(new Stratum(name, available == null ? -1 : available.getOrDefault(name, 0), rs.getInt(2), rs.getInt(3)));
            }
        }
        return out;
    }

    /** Round-robin over the strata, largest first, so every prefix of the list is spread over them. */
    private static List<String[]> interleave(Map<String, List<String>> picked) {
        List<Map.Entry<String, List<String>>> lists = new ArrayList<>(picked.entrySet());
        lists.sort(Comparator.comparing((Map.Entry<String, List<String>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey));
        List<String[]> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            boolean any = false;
            for (Map.Entry<String, List<String>> e : lists) {
                if (i < e.getValue().size()) {
                    out.add(new String[] {e.getValue().get(i), e.getKey()});
                    any = true;
                }
            }
            if (!any) {
                return out;
            }
        }
    }

    private static String brightness(double peak) {
        if (peak >= 99) {
            return "peak unknown";
        }
        return peak < 17 ? "peak < 17" : peak < 18 ? "peak 17-18" : peak < 18.5 ? "peak 18-18.5" : "peak >= 18.5";
    }

    private static String sky(double ra, double dec) {
        double b = Math.abs(GalacticLatitude.of(ra, dec));
        return b < 20 ? "|b| < 20" : b < 40 ? "|b| 20-40" : "|b| >= 40";
    }

    private static String year(double jd) {
        return Integer.toString(java.time.LocalDate.ofEpochDay((long) Math.floor(jd - 2440587.5)).getYear());
    }
}
