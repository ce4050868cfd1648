package org.ztfclass.votables.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.votables.SampleData;
import org.ztfclass.votables.domain.CutoutKind;
import org.ztfclass.votables.format.InputFormat;
import org.ztfclass.votables.input.ReadResult;

/** Stamp files as Fink hands them out: the shipped ones, and the bad inputs a stamp file can be. */
class CutoutFileReaderTest {

    private static final String REAL = "fink-science-alerts/cutouts/ZTF18abquxjv_1786226723415015003_difference.fits.gz";

    @TempDir
    Path tmp;

    @Test
    void aRealFinkStampIsReadWithItsObjectCandidAndKind() throws Exception {
        Path file = SampleData.path(REAL);
        assertEquals(InputFormat.CUTOUT_FILE, InputFormat.detect(file));
        ReadResult<CutoutFileReader.CutoutFile> r = new CutoutFileReader().read(file);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        CutoutFileReader.CutoutFile stamp = r.records().get(0);
        assertEquals("ZTF18abquxjv", stamp.objectId());
        assertEquals(1786226723415015003L, stamp.cutout().candid(), "19 digits, beyond 2^53: read as a long");
        assertEquals(CutoutKind.DIFFERENCE, stamp.cutout().kind());
        assertArrayEquals(Files.readAllBytes(file), stamp.cutout().stampData(), "kept byte for byte");
        CutoutImage image = CutoutImage.decode(stamp.cutout().stampData(), "t", "t");
        assertEquals(63, image.width());
    }

    @Test
    void everyShippedStampFileReads() throws Exception {
        var files = SampleData.files("fink-science-alerts/cutouts", ".fits.gz");
        assertEquals(54, files.size());
        for (Path f : files) {
            assertTrue(new CutoutFileReader().read(f).problems().isEmpty(), f.toString());
        }
    }

    @Test
    void aFileNotNamedAfterItsObjectAndAlertIsRejected() throws Exception {
        Path f = tmp.resolve("stamp_science.fits.gz");
        Files.copy(SampleData.path(REAL), f);
        assertRejected(f, "must be named <objectId>_<candid>_<science|template|difference>.fits.gz");
    }

    @Test
    void aCandidTooLargeForZtfIsRejected() throws Exception {
        Path f = tmp.resolve("ZTF18abquxjv_9999999999999999999_science.fits.gz");
        Files.copy(SampleData.path(REAL), f);
        assertRejected(f, "larger than a ZTF candid can be");
    }

    @Test
    void textWithAStampNameIsNotAStamp() throws Exception {
        Path f = tmp.resolve("ZTF18abquxjv_1786226723415015003_science.fits.gz");
        Files.writeString(f, "objectId,mjd\nZTF18abquxjv,59000\n");
        assertEquals(InputFormat.UNKNOWN, InputFormat.detect(f));
        assertRejected(f, "not a FITS file");
    }

    @Test
    void aTruncatedStampIsRejected() throws Exception {
        byte[] real = Files.readAllBytes(SampleData.path(REAL));
        Path f = tmp.resolve("ZTF18abquxjv_1786226723415015003_science.fits.gz");
        Files.write(f, Arrays.copyOf(real, real.length / 2));
        assertRejected(f, "corrupt");
    }

    @Test
    void aGzipBombIsRefusedBeforeItIsInflated() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros); // 64 MiB of zeros, ~64 KB compressed
            }
        }
        Path f = tmp.resolve("ZTF18abquxjv_1786226723415015003_science.fits.gz");
        Files.write(f, out.toByteArray());
        assertTrue(Files.size(f) < CutoutFileReader.MAX_FILE_BYTES);
        assertRejected(f, "inflates to more than");
    }

    @Test
    void aFileLargerThanAStampIsRefusedUnread() throws Exception {
        byte[] noise = new byte[CutoutFileReader.MAX_FILE_BYTES + 1];
        new Random(1).nextBytes(noise);
        Path f = tmp.resolve("ZTF18abquxjv_1786226723415015003_science.fits");
        Files.write(f, noise);
        assertRejected(f, "larger than the");
    }

    @Test
    void aCandidKeptAsAFloatStillNamesItsAlert() {
        // Fink's alert histories kept candids as 64-bit floats: 2662505624015015009 came back as ...000
        assertTrue(CutoutFileReader.sameAlert(2662505624015015009L, 2662505624015015000L));
        assertTrue(CutoutFileReader.sameAlert(2662505624015015009L, 2662505624015015009L));
        assertFalse(CutoutFileReader.sameAlert(2662505624015015009L, 2662501674015015000L), "another exposure of the night");
        assertFalse(CutoutFileReader.sameAlert(2662505624015015009L, null));
        // the exact candid first, else the float-equal one, else none
        assertEquals(2662505624015015009L, CutoutFileReader.candidateOf(2662505624015015009L,
                java.util.List.of(2662505624015015000L, 2662505624015015009L)));
        assertEquals(2662505624015015000L, CutoutFileReader.candidateOf(2662505624015015009L,
                java.util.List.of(2662501674015015000L, 2662505624015015000L)));
        assertEquals(null, CutoutFileReader.candidateOf(2662505624015015009L, java.util.List.of(2662501674015015000L)));
    }

    private static void assertRejected(Path f, String reason) throws Exception {
        ReadResult<CutoutFileReader.CutoutFile> r = new CutoutFileReader().read(f);
        assertTrue(r.records().isEmpty());
        assertEquals(1, r.problems().size());
        assertEquals("file", r.problems().get(0).location());
        assertTrue(r.problems().get(0).reason().contains(reason), r.problems().get(0).reason());
    }
}
