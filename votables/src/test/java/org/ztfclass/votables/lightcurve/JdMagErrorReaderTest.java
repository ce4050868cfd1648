package org.ztfclass.votables.lightcurve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.SampleData;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.format.InputFormat;
import org.ztfclass.votables.input.ReadResult;

/** The three-column forced-photometry light curves of ZTF18aaqjovh (annayqho), in {@code install/sample-data/annayqho-icbl}. */
class JdMagErrorReaderTest {

    private static final Path G = SampleData.path("annayqho-icbl/ZTF18aaqjovh_force_phot_lc_g.txt");
    private static final Path R = SampleData.path("annayqho-icbl/ZTF18aaqjovh_force_phot_lc_r.txt");

    @Test
    void recognisedByNameAndContent() throws Exception {
        assertEquals(InputFormat.JD_MAG_ERROR, InputFormat.detect(G));
        assertEquals(InputFormat.JD_MAG_ERROR, InputFormat.detect(R));
    }

    @Test
    void bandAndObjectFromTheNameAndNanRowsSkipped() throws Exception {
        ReadResult<Detection> g = read(G);
        assertTrue(g.problems().isEmpty(), g.problems().toString());
        assertEquals(157 - 56, g.records().size()); // 56 rows have mag nan
        assertTrue(g.records().stream().allMatch(p -> p.band() == Band.G && p.objectId().equals("ZTF18aaqjovh") && !p.isUpperLimit()));
        // first line: 2.458538818611099850e+06 2.148487183050576377e+01 1.191862665765743179e+00
        Detection d = g.records().get(0);
        assertEquals(2458538.818611099850, d.jd(), 1e-9);
        assertEquals(21.48487183050576377, d.magpsf(), 1e-12);
        assertEquals(1.191862665765743179, d.sigmapsf(), 1e-12);
        ReadResult<Detection> r = read(R);
        assertEquals(191 - 61, r.records().size());
        assertTrue(r.records().stream().allMatch(p -> p.band() == Band.R));
    }

    @Test
    void badRowsAreReportedWithLine() throws Exception {
        List<String> lines = Files.readAllLines(G);
        lines.set(0, lines.get(0) + " 7");                  // line 1: four columns
        lines.set(4, lines.get(4).replace("e+01 ", "e+0x ")); // line 5: mag not a number
        ReadResult<Detection> r = new JdMagErrorReader().read(new StringReader(String.join("\n", lines)), G.toString());
        assertEquals(157 - 56 - 2, r.records().size());
        assertEquals(List.of("line 1", "line 5 field mag"), r.problems().stream().map(p -> p.location()).toList());
    }

    @Test
    void fileNameMustSayObjectAndBand() throws Exception {
        ReadResult<Detection> r = new JdMagErrorReader().read(new StringReader("2458538.8 21.4 1.1\n"), "lc.txt");
        assertTrue(r.records().isEmpty());
        assertTrue(r.problems().get(0).reason().contains("ZTF id"));
    }

    private static ReadResult<Detection> read(Path f) throws Exception {
        try (Reader in = Files.newBufferedReader(f)) {
            return new JdMagErrorReader().read(in, f.toString());
        }
    }
}
