package org.ztfclass.server.funnel;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.ObjectFacts;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.sky.GalacticLatitude;

/** Each stage on real alerts from the shipped data, and on synthetic edge cases. */
class FunnelStagesTest {

    @TempDir
    static Path tmp;

    private static final Map<String, ObjectFacts> REAL = new HashMap<>();

    @BeforeAll
    static void ingestRealAlerts() throws Exception {
        Database db = TestStores.open(tmp.resolve("stages.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts"), Samples.path("catalogues")), IngestProgress.SILENT);
        new FunnelStore(db).forEachFacts(f -> REAL.put(f.objectId(), f));
    }

    private static final FunnelConfig DEFAULTS = FunnelConfig.defaults();

    private static FunnelStage stage(String name) throws FunnelConfigException {
        return DEFAULTS.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static ObjectFacts facts(String id, Double ra, Double dec, double[] scores, Double peak) {
        return new ObjectFacts(id, ra, dec, false, scores.length, 2459000.0, 2459030.0, peak, null, scores, 1,
                null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void realAsteroidAlertIsDroppedByTheAsteroidStage() throws Exception {
        ObjectFacts asteroid = REAL.get("ZTF23abjjnqm"); // ssdistnr 0.0 arcsec, ssmagnr 18.7
        Drop d = stage("asteroids").judge(asteroid);
        assertNotNull(d);
        assertTrue(d.detail().contains("0.00 arcsec") && d.detail().contains("18.7"), d.detail());
    }

    @Test
    void realStarLikeSourceIsDroppedByTheStarStage() throws Exception {
        ObjectFacts star = REAL.get("ZTF17aaajnnn"); // PS1 source 0.09 arcsec away, sgscore1 0.99
        Drop d = stage("stars").judge(star);
        assertNotNull(d);
        assertTrue(d.detail().contains("sgscore1 0.99"), d.detail());
    }

    @Test
    void realTransientsPassEveryStage() throws Exception {
        for (String id : List.of("ZTF20aaelulu", "ZTF20aafsnpp")) { // SN 2020oi (Ic), an SN Ia with an alert
            ObjectFacts f = REAL.get(id);
            for (FunnelStage s : DEFAULTS.stages()) {
                assertNull(s.judge(f), id + " dropped by " + s.name());
            }
        }
    }

    @Test
    void galacticLatitudeOfKnownPositions() {
        assertEquals(90, GalacticLatitude.of(192.85948, 27.12825), 1e-6, "north Galactic pole");
        assertEquals(0, GalacticLatitude.of(266.40499, -28.93617), 1e-3, "Galactic centre (l = b = 0)");
        assertEquals(-0.0462, GalacticLatitude.of(266.41684, -29.00781), 1e-3, "Sgr A*");
        assertEquals(76.9, GalacticLatitude.of(185.72885, 15.82362), 0.05, "SN 2020oi in M100, BTS gives b = 76.90");
    }

    @Test
    void galacticPlaneEdgeAndMissingPosition() throws Exception {
        FunnelStage plane = new GalacticPlaneStage(7);
        assertNotNull(plane.judge(facts("a", 266.40499, -28.93617, new double[] {1, 1}, 15.0)));
        assertNull(plane.judge(facts("b", 192.85948, 27.12825, new double[] {1, 1}, 15.0)));
        assertNull(plane.judge(facts("c", null, null, new double[] {1, 1}, 15.0)), "no position: cannot judge, kept");
    }

    @Test
    void bogusCountsGoodDetections() {
        BogusStage bogus = new BogusStage(0.5, 2);
        assertNull(bogus.judge(facts("a", 10.0, 10.0, new double[] {0.9, 0.5}, 18.0)));
        Drop d = bogus.judge(facts("b", 10.0, 10.0, new double[] {0.9, 0.49}, 18.0));
        assertTrue(d.detail().startsWith("1 detection(s) with score >= 0.5 (need 2)"), d.detail());
        assertNotNull(bogus.judge(facts("c", 10.0, 10.0, new double[0], 18.0)), "no detections: no evidence, dropped");
    }

    @Test
    void faintUsesTheCataloguePeakWhenThereIsNoDetection() {
        FaintStage faint = new FaintStage(19);
        ObjectFacts catalogueOnly = new ObjectFacts("x", 1.0, 1.0, false, 0, null, null, null, 18.2, new double[0], 0,
                null, null, null, null, null, null, null, null, null, null);
        assertNull(faint.judge(catalogueOnly));
        assertNull(faint.judge(facts("a", 1.0, 1.0, new double[] {1}, 19.0)), "exactly at the limit passes");
        assertNotNull(faint.judge(facts("b", 1.0, 1.0, new double[] {1}, 19.01)));
    }

    @Test
    void variabilityRules() {
        VariabilityStage v = new VariabilityStage(730, 2, 365);
        ObjectFacts longSpan = new ObjectFacts("a", 1.0, 1.0, false, 10, 2458000.0, 2458800.0, 18.0, null, new double[] {1}, 1,
                null, null, null, null, null, null, null, null, null, null);
        assertTrue(v.judge(longSpan).category().startsWith("detections span"));
        ObjectFacts recurring = new ObjectFacts("b", 1.0, 1.0, false, 10, 2458000.0, 2458300.0, 18.0, null, new double[] {1}, 3,
                null, null, null, null, null, null, null, null, null, null);
        assertTrue(v.judge(recurring).category().contains("episodes"));
        ObjectFacts oldHistory = new ObjectFacts("c", 1.0, 1.0, false, 10, 2459000.0, 2459030.0, 18.0, null, new double[] {1}, 1,
                null, null, null, null, null, null, 40, 2458000.0, null, null);
        assertTrue(v.judge(oldHistory).category().startsWith("ZTF history"));
        assertNull(v.judge(facts("d", 1.0, 1.0, new double[] {1}, 18.0)));
    }

    @Test
    void skyIndexMatchesAcrossRaZeroAndNearThePole() {
        SkyIndex index = new SkyIndex(List.of(new SkyIndex.Entry("wrap", 359.9998, 10.0), new SkyIndex.Entry("pole", 45.0, 89.9996),
                new SkyIndex.Entry("far", 180.0, 0.0)), 2.0);
        SkyIndex.Match wrap = index.nearest(0.0001, 10.0);
        assertEquals("wrap", wrap.entry().name());
        assertEquals(1.06, wrap.arcsec(), 0.02);
        SkyIndex.Match pole = index.nearest(225.0, 89.99995);
        assertEquals("pole", pole.entry().name(), "across the pole");
        assertEquals(1.62, pole.arcsec(), 0.01);
        assertNull(index.nearest(180.0, 0.001), "3.6 arcsec is outside 2");
    }

    @Test
    void knownSourcesByIdAndByPosition() {
        SourceList list = new SourceList(List.of(new SkyIndex.Entry("SN 2020oi", 185.728833, 15.823611)), Set.of("ZTF20aafsnpp"), 0);
        KnownSourcesStage known = new KnownSourcesStage("tns.csv", list, 1.5);
        assertNotNull(known.judge(REAL.get("ZTF20aafsnpp")));
        Drop byPosition = known.judge(REAL.get("ZTF20aaelulu"));
        assertTrue(byPosition.detail().startsWith("SN 2020oi in tns.csv is"), byPosition.detail());
        assertNull(new KnownSourcesStage(null, null, 1.5).judge(REAL.get("ZTF20aaelulu")), "no list: keeps all");
    }

    @Test
    void agnNuclearRecurringRule() {
        AgnStage agn = new AgnStage(null, null, 1.5, 0.5, 2);
        ObjectFacts nuclear = new ObjectFacts("n", 1.0, 1.0, false, 10, 2458000.0, 2458300.0, 18.0, null, new double[] {1}, 2,
                null, null, null, null, null, null, null, null, 0.2, 17.0);
        assertEquals("nuclear, recurring", agn.judge(nuclear).category());
        ObjectFacts once = new ObjectFacts("o", 1.0, 1.0, false, 10, 2458000.0, 2458030.0, 18.0, null, new double[] {1}, 1,
                null, null, null, null, null, null, null, null, 0.2, 17.0);
        assertNull(agn.judge(once), "a nuclear transient seen once (e.g. a TDE) passes");
    }
}
