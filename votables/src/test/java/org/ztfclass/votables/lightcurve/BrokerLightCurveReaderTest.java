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
import org.ztfclass.votables.input.ReadResult;

/** Light curves converted from Fink and Pitt-Google alerts, as shipped in {@code install/sample-data}. */
class BrokerLightCurveReaderTest {

    private static final Path FINK = SampleData.path("fink-science-alerts/lightcurves.csv");

    @Test
    void everyConvertedTableIsRecognisedAsBrokerLightCurvesNotDetectionsOrLabels() throws Exception {
        for (String f : List.of("fink-science-alerts/lightcurves.csv", "pitt-google-alerts/lightcurves.csv",
                "early-tde-fink-lcs/alerts_2024_10_lightcurves.csv", "early-tde-fink-lcs/tns_tdes_lightcurves.csv")) {
            assertEquals(InputFormat.BROKER_LIGHTCURVES, InputFormat.detect(SampleData.path(f)), f);
        }
        for (String f : List.of("fink-science-alerts/labels.csv", "pitt-google-alerts/labels.csv", "early-tde-fink-lcs/labels.csv",
                "antares-bts/labels.csv")) {
            assertEquals(InputFormat.LABEL_LIST, InputFormat.detect(SampleData.path(f)), f);
        }
    }

    @Test
    void finkDetectionsKeepTheirCandidAndLimitsStayUpperLimits() throws Exception {
        ReadResult<Detection> r = read(FINK);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(516, r.records().size());
        assertEquals(21, r.records().stream().map(Detection::objectId).distinct().count());
        assertEquals(187, r.records().stream().filter(Detection::isUpperLimit).count());
        // first row: ZTF18abgzkmf,59540.160359,r,18.2539...,0.0899...,0,19.5413...,f,1786160356115010046
        Detection d = r.records().get(0);
        assertEquals("ZTF18abgzkmf", d.objectId());
        assertEquals(1786160356115010046L, d.candid());
        assertEquals(59540.160359 + Detection.MJD_OFFSET, d.jd(), 1e-9);
        assertEquals(Band.R, d.band());
        assertEquals(18.253904342651367, d.magpsf(), 1e-12);
        assertEquals(19.541324615478516, d.diffmaglim(), 1e-12);
        assertEquals("f", d.isdiffpos());
        // second row: an upper limit at diffmaglim 17.2342 with no magnitude and no candid
        Detection limit = r.records().get(1);
        assertTrue(limit.isUpperLimit());
        assertNull(limit.candid());
        assertNull(limit.sigmapsf());
        assertEquals(17.23419952392578, limit.diffmaglim(), 1e-12);
        assertTrue(r.records().stream().filter(p -> !p.isUpperLimit()).allMatch(p -> p.candid() != null));
    }

    @Test
    void earlyTdeTablesReadWithIBandAndNoCandid() throws Exception {
        ReadResult<Detection> r = read(SampleData.path("early-tde-fink-lcs/alerts_2024_10_lightcurves.csv"));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(806, r.records().stream().filter(p -> !p.isUpperLimit()).count());
        assertEquals(1177, r.records().stream().filter(Detection::isUpperLimit).count());
        assertEquals(103, r.records().stream().filter(p -> p.band() == Band.I).count());
        ReadResult<Detection> tdes = read(SampleData.path("early-tde-fink-lcs/tns_tdes_lightcurves.csv"));
        assertTrue(tdes.problems().isEmpty(), tdes.problems().toString());
        assertEquals(2813, tdes.records().size());
        assertTrue(tdes.records().stream().allMatch(p -> p.drb() != null && p.diffmaglim() == null));
    }

    @Test
    void badRowsAreReportedWithLineAndFieldAndTheRestKept() throws Exception {
        List<String> lines = Files.readAllLines(FINK);
        lines.set(1, lines.get(1).replace(",0,19.5413", ",2,19.5413"));        // line 2: upper_limit neither 0 nor 1
        lines.set(2, lines.get(2).replace(",1,17.23419952392578,", ",1,,"));   // line 3: a limit without its value
        lines.set(3, "ZTF18abgzkmX" + lines.get(3).substring(12));             // line 4: not a ZTF id
        ReadResult<Detection> r = new BrokerLightCurveReader().read(new StringReader(String.join("\n", lines)), FINK.toString());
        assertEquals(516 - 3, r.records().size());
        assertEquals(List.of("line 2 field upper_limit", "line 3 field diffmaglim", "line 4 field objectId"),
                r.problems().stream().map(p -> p.location()).toList());
    }

    private static ReadResult<Detection> read(Path f) throws Exception {
        try (Reader in = Files.newBufferedReader(f)) {
            return new BrokerLightCurveReader().read(in, f.toString());
        }
    }
}
