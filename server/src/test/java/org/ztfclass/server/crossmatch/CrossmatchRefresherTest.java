package org.ztfclass.server.crossmatch;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.store.CachedCrossmatch;
import org.ztfclass.server.store.CrossmatchCache;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.crossmatch.Catalogues;
import org.ztfclass.votables.domain.CatalogueEntry;

/**
 * The refresher against a loopback stand-in for VizieR answering recorded real answers (and broken
 * ones): answers are cached, bad answers are reported by service/catalogue/object and keep the
 * previous answer (stale), the batch goes on, retries and timeouts work, runs resume.
 */
class CrossmatchRefresherTest {

    @TempDir
    Path tmp;

    private Database db;
    private CrossmatchCache cache;
    private List<CrossmatchCache.Target> targets;

    @BeforeEach
    void store() throws Exception {
        db = TestStores.open(tmp.resolve("x.db"));
        new StoreWriter(db).writeCatalogue(List.of(entry("ZTF22abftjko", 50.0453078, 8.7488721), entry("ZTF20aaelulu", 185.7289, 15.8236),
                entry("ZTF99southern", 10.0, -60.0)), "test");
        cache = new CrossmatchCache(db);
        targets = cache.targets(List.of());
        assertEquals(3, targets.size());
    }

    private static CatalogueEntry entry(String id, double ra, double dec) {
        return new CatalogueEntry("BTS", id, null, ra, dec, null, null, null, 19.0, null, null, null, null, null, null, null, null);
    }

    private static VizierConeService client(RecordedServices s, long timeoutMillis, int attempts) {
        return new VizierConeService(s.url(), Duration.ofMillis(timeoutMillis), attempts, Duration.ofMillis(10), Duration.ofMillis(1));
    }

    @Test
    void goodAnswersAreCachedAndEveryKindOfBadAnswerIsReportedWhileTheBatchGoesOn() throws Exception {
        byte[] gaia = Files.readAllBytes(Samples.path("test-only/crossmatch/gaia-dr3-archive-tap.vot"));
        try (RecordedServices vizier = new RecordedServices()
                .on("I/355/gaiadr3", RecordedServices.Reply.recorded("gaia-dr3-archive-tap.vot"))
                .on("II/349/ps1", RecordedServices.Reply.recorded("vizier-kang2010.xml"))
                .on("VIII/65/nvss", RecordedServices.Reply.recorded("vizier-error.xml"))
                .on("II/328/allwise", RecordedServices.Reply.of(200, "text/html", "<!DOCTYPE html><html><body>Service temporarily down</body></html>"))
                .on("V/154/sdss16", new RecordedServices.Reply(200, "text/xml", Arrays.copyOf(gaia, gaia.length / 2), 0))
                .on("J/ApJS/255/30/comp", RecordedServices.Reply.of(200, "text/xml", ""))) {
            CrossmatchRefresher refresher = new CrossmatchRefresher(client(vizier, 5000, 1), cache);
            CrossmatchRefresher.Outcome o = refresher.refresh(targets, Catalogues.byKeys(List.of("gaia_dr3", "ps1", "nvss", "allwise",
                    "sdss_dr16", "vlass", "racs")), 5.0, false, null);
            // gaia answers for all 3; racs covers all three and gets HTTP 404 (no such table on the stand-in)
            assertEquals(3, o.answered(), o.toString());
            assertEquals(6, o.sources(), "two recorded sources per answer");
            assertEquals(4, o.notCovered(), "ps1, nvss, sdss and vlass do not reach Dec -60");
            assertEquals(3 * 7 - 3 - 4, o.failed(), o.problems().toString());
            String all = String.join("\n", o.problems());
            assertTrue(all.contains("CDS VizieR II/349/ps1 for ZTF22abftjko") && all.contains("unexpected columns"), all);
            assertTrue(all.contains("VIII/65/nvss") && all.contains("The database is not currently reachable")
                    || all.contains("Couldn't connect with server"), all);
            assertTrue(all.contains("II/328/allwise") && all.contains("HTML page"), all);
            assertTrue(all.contains("V/154/sdss16") && (all.contains("truncated") || all.contains("line ")), all);
            assertTrue(all.contains("J/ApJS/255/30/comp") && all.contains("empty answer"), all);
            assertTrue(all.contains("HTTP 404"), all);

            List<CachedCrossmatch> cached = cache.read("ZTF22abftjko");
            CachedCrossmatch g = cached.stream().filter(c -> c.catalogue().equals("gaia_dr3")).findFirst().orElseThrow();
            assertFalse(g.stale());
            assertEquals(2, g.sources().size());
            assertEquals("CDS VizieR", g.service());
            assertTrue(g.query().startsWith(vizier.url() + "?-source=I%2F355%2Fgaiadr3"), g.query());
            assertEquals("I/355/gaiadr3 r1", g.serviceVersion());
            CachedCrossmatch ps1 = cached.stream().filter(c -> c.catalogue().equals("ps1")).findFirst().orElseThrow();
            assertTrue(ps1.stale());
            assertNull(ps1.fetchedAt(), "never answered");
        }
    }

    @Test
    void aFailedRefreshKeepsThePreviousGoodAnswerAndMarksItStale() throws Exception {
        try (RecordedServices vizier = new RecordedServices().on("I/355/gaiadr3", RecordedServices.Reply.recorded("gaia-dr3-archive-tap.vot"),
                RecordedServices.Reply.recorded("vizier-error.xml"))) {
            CrossmatchRefresher refresher = new CrossmatchRefresher(client(vizier, 5000, 1), cache);
            List<CrossmatchCache.Target> one = cache.targets(List.of("ZTF22abftjko"));
            assertEquals(1, refresher.refresh(one, Catalogues.byKeys(List.of("gaia_dr3")), 5.0, false, null).answered());
            CachedCrossmatch before = cache.read("ZTF22abftjko").get(0);
            CrossmatchRefresher.Outcome again = refresher.refresh(one, Catalogues.byKeys(List.of("gaia_dr3")), 5.0, false, null);
            assertEquals(1, again.failed());
            CachedCrossmatch after = cache.read("ZTF22abftjko").get(0);
            assertTrue(after.stale());
            assertEquals(before.fetchedAt(), after.fetchedAt(), "the good answer's time stays");
            assertEquals(before.sources(), after.sources(), "the good answer's sources stay");
            assertTrue(after.lastError().contains("the service reported an error"), after.lastError());
            assertNotNull(after.age(java.time.Instant.now()));
            assertEquals("stale", CatalogueStatus.of(List.of(after), java.time.Instant.now()).stream()
                    .filter(s -> s.catalogue().equals("gaia_dr3")).findFirst().orElseThrow().state());
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndTimeoutsAreReported() throws Exception {
        try (RecordedServices vizier = new RecordedServices()
                .on("I/355/gaiadr3", RecordedServices.Reply.of(503, "text/plain", "busy"), RecordedServices.Reply.of(429, "text/plain", "slow down"),
                        RecordedServices.Reply.recorded("gaia-dr3-archive-tap.vot"))
                .on("VIII/65/nvss", new RecordedServices.Reply(200, "text/xml", new byte[0], 3000))) {
            List<CrossmatchCache.Target> one = cache.targets(List.of("ZTF22abftjko"));
            CrossmatchRefresher.Outcome o = new CrossmatchRefresher(client(vizier, 400, 3), cache)
                    .refresh(one, Catalogues.byKeys(List.of("gaia_dr3", "nvss")), 5.0, false, null);
            assertEquals(1, o.answered(), o.problems().toString());
            assertEquals(3, vizier.requests("I/355/gaiadr3"), "503, 429, then the answer");
            assertEquals(1, o.failed());
            assertEquals(3, vizier.requests("VIII/65/nvss"), "each timeout retried");
            assertTrue(o.problems().get(0).contains("no answer within 400 ms") && o.problems().get(0).contains("after 3 tries"),
                    o.problems().toString());
        }
    }

    @Test
    void aServiceThatNeverAnswersIsGivenUpForTheRestOfTheRun() throws Exception {
        RecordedServices.Reply slow = new RecordedServices.Reply(200, "text/xml", new byte[0], 1500);
        try (RecordedServices vizier = new RecordedServices().on("I/355/gaiadr3", slow).on("II/349/ps1", slow).on("II/328/allwise", slow)) {
            CrossmatchRefresher.Outcome o = new CrossmatchRefresher(client(vizier, 100, 1), cache)
                    .refresh(targets, Catalogues.byKeys(List.of("gaia_dr3", "allwise", "ps1")), 5.0, false, null);
            assertEquals(0, o.answered());
            assertEquals(1, o.notCovered(), "ps1 at Dec -60");
            assertEquals(8, o.failed());
            assertEquals(CrossmatchRefresher.GIVE_UP_AFTER, vizier.requests("I/355/gaiadr3") + vizier.requests("II/328/allwise")
                    + vizier.requests("II/349/ps1"), "asked until the service counted as down");
            assertTrue(o.problems().stream().anyMatch(p -> p.startsWith("not asked: CDS VizieR gave no answer to 5 requests in a row")),
                    o.problems().toString());
            assertTrue(cache.read("ZTF22abftjko").stream().allMatch(CachedCrossmatch::stale), "every pair asked or not is recorded as failed");
        }
    }

    @Test
    void aSecondRunResumesWhereTheFirstStopped() throws Exception {
        try (RecordedServices vizier = new RecordedServices().on("I/355/gaiadr3", RecordedServices.Reply.recorded("gaia-dr3-archive-tap.vot"))) {
            CrossmatchRefresher refresher = new CrossmatchRefresher(client(vizier, 5000, 1), cache);
            refresher.refresh(targets.subList(0, 1), Catalogues.byKeys(List.of("gaia_dr3")), 5.0, true, null);
            long[] last = new long[2];
            CrossmatchRefresher.Outcome o = refresher.refresh(targets, Catalogues.byKeys(List.of("gaia_dr3")), 5.0, true,
                    (done, total) -> { last[0] = done; last[1] = total; });
            assertEquals(1, o.skipped());
            assertEquals(2, o.answered());
            assertEquals(3, vizier.requests("I/355/gaiadr3"), "one request per object in all");
            assertEquals(3, last[0]);
            assertEquals(3, last[1]);
            CrossmatchRefresher.Outcome other = refresher.refresh(targets, Catalogues.byKeys(List.of("gaia_dr3")), 10.0, true, null);
            assertEquals(3, other.answered(), "another radius is another cache entry");
        }
    }
}
