package org.ztfclass.server.crossmatch;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.cli.Main;
import org.ztfclass.server.store.CrossmatchCache;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.CatalogueEntry;
import picocli.CommandLine;

/** {@code ztfclass crossmatch} end to end against the loopback stand-in: progress, summary, resume, bad options. */
class CrossmatchCommandTest {

    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).execute(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void anObjectKnownOnlyFromForcedPhotometryGetsItsPositionAndCanBeCrossMatched() throws Exception {
        Database db = TestStores.open(tmp.resolve("phot.db"));
        new org.ztfclass.server.ingest.IngestService(new StoreWriter(db)).forObject("ZTF22abftjko")
                .ingest(List.of(org.ztfclass.server.Samples.path("at2022tsd")), org.ztfclass.server.ingest.IngestProgress.SILENT);
        List<CrossmatchCache.Target> t = new CrossmatchCache(db).targets(List.of());
        assertEquals(1, t.size());
        assertEquals(50.0453078, t.get(0).ra(), 1e-9, "the position the IPAC forced-photometry file was measured at");
        assertEquals(8.7488721, t.get(0).dec(), 1e-9);
    }

    @Test
    void fillsTheCacheWithAProgressBarThenResumes() throws Exception {
        Path dbFile = tmp.resolve("cli.db");
        Database db = TestStores.open(dbFile);
        new StoreWriter(db).writeCatalogue(List.of(new CatalogueEntry("BTS", "ZTF22abftjko", null, 50.0453078, 8.7488721, null, null, null,
                19.0, null, null, null, null, null, null, null, null)), "test");
        try (RecordedServices vizier = new RecordedServices()
                .on("I/355/gaiadr3", RecordedServices.Reply.recorded("gaia-dr3-archive-tap.vot"))
                .on("VIII/65/nvss", RecordedServices.Reply.recorded("vizier-error.xml"))) {
            String[] r = run("crossmatch", "--db", TestStores.location(dbFile), "--catalogues", "gaia_dr3,nvss", "--radius", "5",
                    "--service-url", vizier.url(), "--timeout", "5");
            assertEquals("0", r[0], r[2]);
            assertTrue(r[2].contains("[##############################] 1000/1000"), r[2]);
            assertTrue(r[1].contains("answered 1 (2 sources)") && r[1].contains("failed 1"), r[1]);
            assertTrue(r[1].contains("problem: CDS VizieR VIII/65/nvss for ZTF22abftjko"), r[1]);
            String[] again = run("crossmatch", "--db", TestStores.location(dbFile), "--catalogues", "gaia_dr3,nvss", "--radius", "5",
                    "--service-url", vizier.url());
            assertTrue(again[1].contains("already answered 1") && again[1].contains("failed 1"), again[1]);
            assertEquals(1, vizier.requests("I/355/gaiadr3"), "gaia was not asked again");
            assertEquals(2, new CrossmatchCache(db).read("ZTF22abftjko").size());
        }
        assertEquals("2", run("crossmatch", "--db", TestStores.location(dbFile), "--catalogues", "2mass")[0]);
        assertEquals("2", run("crossmatch", "--db", TestStores.location(dbFile), "--radius", "0")[0]);
    }
}
