package org.ztfclass.server.learning;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.StoreWriter;

/** The initial labelling set on the shipped sample: funnel survivors only, proportional strata, seeded, interleaved. */
class InitialSetTest {

    @TempDir
    Path tmp;

    private static List<String> query(Database db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void stratifiedOverTheFunnelsSurvivorsAndReproducible() throws Exception {
        Database db = TestStores.open(tmp.resolve("set.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerce-30sne"),
                Samples.path("lightcurves-snia"), Samples.path("antares-bts"), Samples.path("alerts")), IngestProgress.SILENT);
        new FunnelRunner(new FunnelStore(db)).run(FunnelConfig.defaults());
        InitialSet set = new InitialSet(db);
        List<InitialSet.Stratum> strata = set.choose(300, 1);
        int available = strata.stream().mapToInt(InitialSet.Stratum::available).sum();
        assertEquals(300, strata.stream().mapToInt(InitialSet.Stratum::chosen).sum());
        for (InitialSet.Stratum s : strata) {
            double expected = 300.0 * s.available() / available;
            assertTrue(Math.abs(s.chosen() - expected) < 1.0, s + " expected " + expected);
        }
        String order = "SELECT object_id FROM initial_set ORDER BY position";
        List<String> first = query(db, order);
        Set<String> dropped = new HashSet<>(query(db, "SELECT object_id FROM funnel_drops"));
        assertTrue(first.stream().noneMatch(dropped::contains), "no object the funnel dropped");
        set.choose(300, 1);
        assertEquals(first, query(db, order), "same seed, same set and order");
        set.choose(300, 2);
        assertTrue(!first.equals(query(db, order)), "another seed, another draw");
        assertEquals(10, new HashSet<>(query(db, "SELECT stratum FROM initial_set WHERE position <= 10")).size(),
                "the first ten come from ten different strata");
        assertEquals(300, set.progress().stream().mapToInt(InitialSet.Stratum::chosen).sum());
        assertTrue(set.progress().stream().mapToInt(InitialSet.Stratum::labelled).sum() > 0, "BTS labels count as labelled");
    }
}
