package org.ztfclass.votables.lightcurve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.SampleData;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.format.InputFormat;
import org.ztfclass.votables.input.ReadResult;

/** BTSbot's candidate list: a detection table with jd instead of mjd, and a label column that is not a class. */
class DetectionTableWithJdTest {

    @Test
    void readAsDetectionsNotAsLabels() throws Exception {
        Path f = SampleData.path("test-only/btsbot/usage_candidates.csv");
        assertEquals(InputFormat.ALERCE_DETECTIONS, InputFormat.detect(f));
        ReadResult<Detection> r;
        try (Reader in = Files.newBufferedReader(f)) {
            r = new AlerceDetectionsReader().read(in, f.toString());
        }
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(39, r.records().size());
        assertEquals(2, r.records().stream().map(Detection::objectId).distinct().count());
        Detection first = r.records().get(0);
        assertEquals(2460220.941, first.jd(), 1e-9);
        assertNull(first.candid(), "a candid printed as 2.46644e+18 has lost its digits");
    }
}
