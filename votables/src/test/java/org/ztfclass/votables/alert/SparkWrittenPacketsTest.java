package org.ztfclass.votables.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.SampleData;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.input.ReadResult;

/** Fink's Spark-written copies of ZTF alerts: another writer schema, every field nullable. */
class SparkWrittenPacketsTest {

    @Test
    void fieldsAreResolvedByName() throws Exception {
        for (Path f : SampleData.files("test-only/fink-spark", ".avro")) {
            ReadResult<Alert> r;
            try (InputStream in = Files.newInputStream(f)) {
                r = new AvroAlertReader().read(in, f.toString());
            }
            assertTrue(r.problems().isEmpty(), r.problems().toString());
            assertEquals(1, r.records().size());
            Alert a = r.records().get(0);
            assertTrue(a.objectId().startsWith("ZTF23"), a.objectId());
            assertFalse(a.history().isEmpty(), "the 30-day history is real and kept");
            assertEquals(3, a.cutouts().size());
        }
    }
}
