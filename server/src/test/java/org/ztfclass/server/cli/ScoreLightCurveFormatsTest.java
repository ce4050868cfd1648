package org.ztfclass.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.votables.table.VotableReader;
import picocli.CommandLine;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/** {@code score} with the shipped model on one real file of each light-curve format of the third gathering pass. */
class ScoreLightCurveFormatsTest {

    @TempDir
    Path tmp;

    @Test
    void scoresAntaresBrokerGrowthAndThreeColumnFiles() throws Exception {
        Path shipped = Samples.root().getParent().resolve("models/ztfclass-default");
        Path out = tmp.resolve("scores.vot");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute("score", shipped.toString(),
                    Samples.path("antares-bts/light-curves/ZTF18aacemcn.csv").toString(),
                    Samples.path("pitt-google-alerts/lightcurves.csv").toString(),
                    Samples.path("annayqho-icbl/ZTF20aalxlis_SN2020bvc_marshal_lc.txt").toString(),
                    Samples.path("annayqho-icbl/ZTF18aaqjovh_force_phot_lc_g.txt").toString(),
                    "--out", out.toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertEquals(0, code, e.toString(StandardCharsets.UTF_8));
        StarTable t = VotableReader.read(Files.newInputStream(out), "scores");
        Set<String> ids = new HashSet<>();
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                ids.add(String.valueOf(rows.getCell(0)));
            }
        }
        assertEquals(1 + 10 + 2, ids.size(), "one row per object: " + ids);
        assertTrue(ids.containsAll(Set.of("ZTF18aacemcn", "ZTF20aalxlis", "ZTF18aaqjovh", "ZTF21abiuvdk")), ids.toString());
        assertTrue(o.toString(StandardCharsets.UTF_8).contains("(0 rejected)"), o.toString(StandardCharsets.UTF_8));
    }
}
