package org.ztfclass.votables.photometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.ztfclass.votables.domain.PhotometryPoint;
import org.ztfclass.votables.input.ReadResult;

/** The real multi-survey files of AT2022tsd (ZTF22abftjko). */
class PhotometryReadersTest {

    private static final String ID = "ZTF22abftjko";

    private static ReadResult<PhotometryPoint> read(PhotometryReader reader, String relative) throws Exception {
        Path f = SampleData.path("at2022tsd/" + relative);
        try (Reader in = Files.newBufferedReader(f)) {
            return reader.read(in, f.toString(), ID);
        }
    }

    @Test
    void ztfForcedPhotometryBecomesMicroJanskyDetectionsAndLimits() throws Exception {
        ReadResult<PhotometryPoint> r = read(new ZtfForcedPhotometryReader(), "optical/ipac_forced_phot.txt");
        long rows = Files.readAllLines(SampleData.path("at2022tsd/optical/ipac_forced_phot.txt")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).count() - 1;
        assertEquals(rows, r.records().size() + r.problems().size(), "every row is either kept or reported");
        assertTrue(r.records().stream().anyMatch(p -> !p.isUpperLimit()) && r.records().stream().anyMatch(PhotometryPoint::isUpperLimit));
        PhotometryPoint first = r.records().get(0);
        // row 0: flux -20.085 DN, zpdiff 26.3391: -20.085 * 10^((23.9-26.3391)/2.5) = -2.1283 µJy; S/N < 3: a limit
        assertEquals(2459816.9515162 - 2400000.5, first.mjd(), 1e-9);
        assertEquals("g", first.band());
        assertEquals(-20.0853833685009 * Math.pow(10, (23.9 - 26.3391) / 2.5), first.fluxUJy(), 1e-9);
        assertTrue(first.isUpperLimit());
        for (PhotometryPoint p : r.records()) {
            if (!p.isUpperLimit()) {
                assertEquals(23.9 - 2.5 * Math.log10(p.fluxUJy()), p.mag(), 1e-9);
                assertTrue(p.fluxUJy() / p.fluxErrUJy() >= 3);
            }
        }
        assertArrayEquals(new double[] {50.0453078, 8.7488721},
                ZtfForcedPhotometryReader.requestedPosition(SampleData.path("at2022tsd/optical/ipac_forced_phot.txt")), 1e-9);
    }

    @Test
    void ps1AndAtlasForcedPhotometry() throws Exception {
        ReadResult<PhotometryPoint> ps1 = read(new Ps1ForcedPhotometryReader(), "optical/AT2022tsd-PS1-forced.csv");
        assertTrue(ps1.problems().isEmpty(), ps1.problems().toString());
        assertTrue(ps1.records().size() > 100);
        assertEquals("i", ps1.records().get(0).band());
        assertEquals(57412.30077, ps1.records().get(0).mjd(), 1e-9);
        assertEquals(-0.92272, ps1.records().get(0).fluxUJy(), 1e-9);
        ReadResult<PhotometryPoint> atlas = read(new AtlasForcedPhotometryReader(), "optical/at2022tsd_atlas.txt");
        assertTrue(atlas.problems().isEmpty(), atlas.problems().toString());
        assertEquals(3, atlas.records().size());
        PhotometryPoint a = atlas.records().get(0);
        assertEquals(59829.090202, a.mjd(), 1e-9);
        assertEquals(30.8, a.fluxUJy(), 1e-9);
        assertNull(a.band(), "the file does not say c or o");
        assertTrue(a.isUpperLimit(), "30.8 ± 11.0 µJy is S/N 2.8");
    }

    @Test
    void radioTablesFromFiveTelescopes() throws Exception {
        int total = 0;
        for (String f : List.of("vla", "alma", "noema", "sma", "gmrt")) {
            ReadResult<PhotometryPoint> r = read(new RadioFluxReader(), "radio/" + f + ".txt");
            assertTrue(r.problems().isEmpty(), f + ": " + r.problems());
            assertTrue(r.records().stream().allMatch(p -> p.frequencyGHz() != null && p.fluxErrUJy() != null));
            assertTrue(r.records().stream().allMatch(p -> p.fluxUJy() == null || p.fluxUJy() < 1000),
                    f + ": every detection of AT2022tsd is below 1 mJy (NOEMA's table is in uJy upstream; the sample holds it in mJy)");
            total += r.records().size();
        }
        assertTrue(total > 20, "radio points: " + total);
        PhotometryPoint vla = read(new RadioFluxReader(), "radio/vla.txt").records().get(0);
        assertEquals("VLA", vla.instrument());
        assertEquals(15.0, vla.frequencyGHz());
        assertEquals(23.0, vla.fluxUJy(), 1e-9, "0.023 mJy");
        assertEquals(59854.2847, vla.mjd(), 1e-3, "2022-10-02T06:50 UTC");
    }

    @Test
    void radioNonDetectionMarkerBecomesAPointWithoutFlux() throws Exception {
        ReadResult<PhotometryPoint> gmrt = read(new RadioFluxReader(), "radio/gmrt.txt");
        PhotometryPoint limit = gmrt.records().get(1);
        assertEquals(0.65, limit.frequencyGHz());
        assertNull(limit.fluxUJy(), "99 marks a non-detection");
        assertEquals(195.0, limit.fluxErrUJy(), 1e-9);
        assertEquals(140.0, gmrt.records().get(0).fluxUJy(), 1e-9);
        PhotometryPoint noema = read(new RadioFluxReader(), "radio/noema.txt").records().get(0);
        assertEquals(282.86253, noema.fluxUJy(), 1e-6, "NOEMA 77 GHz, 2022-10-04");
    }

    @Test
    void radioRowWithoutFrequencyIsReportedByLineAndTheRestKept() throws Exception {
        String csv = "Date,Tel,Freq_Obs,Flux,eFlux\n2022-10-02T06:50,VLA,,0.023,0.004\n2022-10-10T08:02,VLA,22.0,0.038,0.009\n";
        ReadResult<PhotometryPoint> r = new RadioFluxReader().read(new StringReader(csv), "vla.txt", ID);
        assertEquals(1, r.records().size());
        assertEquals(1, r.problems().size());
        assertEquals("line 2 field Freq_Obs", r.problems().get(0).location());
        assertTrue(r.problems().get(0).toString().contains("vla.txt"), r.problems().get(0).toString());
    }

    @Test
    void badRadioRowIsReportedAndTheRestKept() throws Exception {
        String csv = "Date,Tel,Freq_Obs,Flux,eFlux\n2022-10-02T06:50,VLA,15.0,0.023,0.004\nyesterday,VLA,15,1,1\n2022-10-03T06:50,VLA,x,1,1\n";
        ReadResult<PhotometryPoint> r = new RadioFluxReader().read(new StringReader(csv), "radio.csv", ID);
        assertEquals(1, r.records().size());
        assertEquals(2, r.problems().size());
        assertEquals("line 3 field Date", r.problems().get(0).location());
        assertEquals("line 4 field Freq_Obs", r.problems().get(1).location());
    }
}
