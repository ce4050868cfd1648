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

/** GROWTH marshal exports of two SN Ic-BL (annayqho), as shipped in {@code install/sample-data/annayqho-icbl}. */
class GrowthMarshalReaderTest {

    private static final Path BVC = SampleData.path("annayqho-icbl/ZTF20aalxlis_SN2020bvc_marshal_lc.txt");
    private static final Path GEP = SampleData.path("annayqho-icbl/ZTF18abukavn_SN2018gep_full_marshal_lc.dat");

    @Test
    void recognisedByHeader() throws Exception {
        assertEquals(InputFormat.GROWTH_MARSHAL, InputFormat.detect(BVC));
        assertEquals(InputFormat.GROWTH_MARSHAL, InputFormat.detect(GEP));
    }

    @Test
    void keepsOnlyZtfRowsWith99AsUpperLimits() throws Exception {
        ReadResult<Detection> r = read(BVC);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        // P48+ZTF rows: g 49 + 34 limits, r 54 + 31, i 31 + 20; SEDM and LT rows skipped
        assertEquals(219, r.records().size());
        assertEquals(85, r.records().stream().filter(Detection::isUpperLimit).count());
        assertEquals(51, r.records().stream().filter(p -> p.band() == Band.I).count());
        assertTrue(r.records().stream().allMatch(p -> p.objectId().equals("ZTF20aalxlis") && p.candid() == null));
        // first row: "2020 Jan 05",2458854.0274,"g", 99.0, 99.0,99.0, 20.76,"P48+ZTF","1",...
        Detection first = r.records().get(0);
        assertEquals(2458854.0274, first.jd(), 1e-9);
        assertEquals(Band.G, first.band());
        assertTrue(first.isUpperLimit());
        assertEquals(20.76, first.diffmaglim(), 1e-9);
        assertEquals(1, first.programid());
        Detection detection = r.records().stream().filter(p -> !p.isUpperLimit()).findFirst().orElseThrow();
        assertTrue(detection.magpsf() > 10 && detection.magpsf() < 25 && detection.sigmapsf() < 5, detection.toString());
        assertNull(first.magpsf());
    }

    @Test
    void fullMarshalFileOfSn2018gep() throws Exception {
        ReadResult<Detection> r = read(GEP);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(96 + 48 + 83 + 75, r.records().size());
        assertEquals(48 + 75, r.records().stream().filter(Detection::isUpperLimit).count());
        assertTrue(r.records().stream().allMatch(p -> p.objectId().equals("ZTF18abukavn")));
    }

    @Test
    void badZtfRowsAreReportedWithLineAndField() throws Exception {
        List<String> lines = Files.readAllLines(BVC);
        lines.set(1, lines.get(1).replace("\"g\"", "\"V\""));                 // line 2: not a ZTF filter
        lines.set(2, lines.get(2).replace(" 20.65,", " 99.0,"));              // line 3: neither magnitude nor limit
        ReadResult<Detection> r = new GrowthMarshalReader().read(new StringReader(String.join("\n", lines)), BVC.toString());
        assertEquals(219 - 2, r.records().size());
        assertEquals(List.of("line 2 field filter", "line 3 field limmag"), r.problems().stream().map(p -> p.location()).toList());
    }

    private static ReadResult<Detection> read(Path f) throws Exception {
        try (Reader in = Files.newBufferedReader(f)) {
            return new GrowthMarshalReader().read(in, f.toString());
        }
    }
}
