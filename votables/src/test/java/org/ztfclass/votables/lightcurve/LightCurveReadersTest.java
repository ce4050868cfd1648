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
import org.ztfclass.votables.input.ReadResult;

class LightCurveReadersTest {

    @Test
    void realAntaresLightCurveReadsEveryRowWithJdAndBand() throws Exception {
        Path f = SampleData.path("lightcurves-snia/ZTF18aagtwyh.csv");
        if (!Files.exists(f)) {
            f = SampleData.files("lightcurves-snia", ".csv").get(0);
        }
        List<String> lines = Files.readAllLines(f);
        ReadResult<Detection> r;
        try (Reader in = Files.newBufferedReader(f)) {
            r = new LightCurveCsvReader().read(in, f.toString());
        }
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(lines.size() - 1, r.records().size());
        String[] first = lines.get(1).split(",");
        Detection d = r.records().get(0);
        assertEquals(Double.parseDouble(first[0]) + 2400000.5, d.jd(), 1e-9);
        assertEquals(Double.parseDouble(first[1]), d.magpsf(), 1e-12);
        assertEquals(Band.parse(first[3]), d.band());
        assertEquals(f.getFileName().toString().replace(".csv", ""), d.objectId());
    }

    @Test
    void fileMustBeNamedByItsObject() throws Exception {
        ReadResult<Detection> r = new LightCurveCsvReader().read(new StringReader("time,mag,magerr,band\n1,2,3,g\n"), "curve.csv");
        assertTrue(r.records().isEmpty());
        assertTrue(r.problems().get(0).reason().contains("ZTF id"));
    }

    @Test
    void alerceDetectionsReadAllObjects() throws Exception {
        Path f = SampleData.path("alerce-30sne/detections.csv");
        ReadResult<Detection> r;
        try (Reader in = Files.newBufferedReader(f)) {
            r = new AlerceDetectionsReader().read(in, f.toString());
        }
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(772, r.records().size());
        assertEquals(29, r.records().stream().map(Detection::objectId).distinct().count());
        Detection d = r.records().get(0);
        assertEquals("ZTF18ablhqle", d.objectId());
        assertEquals(832476661215015016L, d.candid());
        assertEquals("t", d.isdiffpos());
        assertEquals(Band.G, d.band());
    }
}
