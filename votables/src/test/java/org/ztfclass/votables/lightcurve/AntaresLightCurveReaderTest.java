package org.ztfclass.votables.lightcurve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.ztfclass.votables.input.InputProblem;
import org.ztfclass.votables.input.ReadResult;

/** ANTARES light-curve exports as shipped in {@code install/sample-data/antares-bts} (real BTS objects). */
class AntaresLightCurveReaderTest {

    /** An SN II (tns-crossmatch label): 29 detections, 2 in g and 27 in R. */
    private static final Path SN_II = SampleData.path("antares-bts/light-curves/ZTF18aacemcn.csv");

    @Test
    void recognisedByItsHeader() throws Exception {
        assertEquals(InputFormat.ANTARES_LIGHTCURVE, InputFormat.detect(SN_II));
    }

    @Test
    void readsEveryRowAsADetectionLikeTheLightCurveCsvReader() throws Exception {
        List<String> lines = Files.readAllLines(SN_II);
        ReadResult<Detection> r = read(SN_II);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(lines.size() - 1, r.records().size());
        String[] first = lines.get(1).split(",");
        Detection d = r.records().get(0);
        assertEquals("ZTF18aacemcn", d.objectId());
        assertNull(d.candid());
        assertEquals(Double.parseDouble(first[1]) + Detection.MJD_OFFSET, d.jd(), 1e-9);
        assertEquals(Band.R, d.band()); // ANTARES writes ZTF r as "R"
        assertEquals(Double.parseDouble(first[3]), d.magpsf(), 1e-12);
        assertEquals(Double.parseDouble(first[4]), d.sigmapsf(), 1e-12);
        assertTrue(r.records().stream().noneMatch(Detection::isUpperLimit));
        assertEquals(2, r.records().stream().filter(p -> p.band() == Band.G).count());
        assertEquals(27, r.records().stream().filter(p -> p.band() == Band.R).count());
    }

    @Test
    void everyShippedFileReadsWithoutProblems() throws Exception {
        List<Path> files = SampleData.files("antares-bts/light-curves", ".csv");
        assertEquals(2168, files.size());
        long points = 0;
        for (Path f : files) {
            ReadResult<Detection> r = read(f);
            assertTrue(r.problems().isEmpty(), r.problems().toString());
            assertTrue(r.records().size() >= 1, f.toString());
            points += r.records().size();
        }
        assertEquals(41_844 + 34_995, points);
    }

    @Test
    void badRowsAreReportedWithLineAndFieldAndTheRestKept() throws Exception {
        List<String> lines = Files.readAllLines(SN_II);
        lines.set(2, lines.get(2).replace(",R,", ",V,"));          // line 3: unknown passband
        lines.set(4, lines.get(4).replaceFirst(",[^,]*$", ",abc")); // line 5: error not a number
        ReadResult<Detection> r = new AntaresLightCurveReader().read(new StringReader(String.join("\n", lines)), SN_II.toString());
        assertEquals(lines.size() - 3, r.records().size());
        assertEquals(2, r.problems().size());
        InputProblem passband = r.problems().get(0);
        assertEquals("line 3 field ant_passband", passband.location());
        assertTrue(passband.reason().contains("'V'"), passband.reason());
        assertEquals("line 5 field ant_magerr", r.problems().get(1).location());
    }

    @Test
    void fileMustBeNamedByItsObject() throws Exception {
        ReadResult<Detection> r = new AntaresLightCurveReader().read(
                new StringReader(",ant_mjd,ant_passband,ant_mag,ant_magerr\n17,58526.4,g,18.45,0.15\n"), "export.csv");
        assertTrue(r.records().isEmpty());
        assertTrue(r.problems().get(0).reason().contains("ZTF id"));
    }

    private static ReadResult<Detection> read(Path f) throws Exception {
        try (Reader in = Files.newBufferedReader(f)) {
            return new AntaresLightCurveReader().read(in, f.toString());
        }
    }
}
