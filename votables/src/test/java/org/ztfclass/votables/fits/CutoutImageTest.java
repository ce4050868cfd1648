package org.ztfclass.votables.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.SampleData;
import org.ztfclass.votables.alert.AvroAlertReader;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.input.BadInputException;

class CutoutImageTest {

    private static Alert firstAlert() throws Exception {
        Path f = SampleData.files("alerts/kowalski/20200202", ".avro").get(0);
        try (InputStream in = Files.newInputStream(f)) {
            return new AvroAlertReader().read(in, f.toString()).records().get(0);
        }
    }

    @Test
    void realStampsDecodeTo63x63AndRenderAsPng() throws Exception {
        for (Cutout c : firstAlert().cutouts()) {
            CutoutImage image = CutoutImage.decode(c.stampData(), "packet", c.kind().name());
            assertEquals(63, image.width());
            assertEquals(63, image.height());
            var png = ImageIO.read(new ByteArrayInputStream(new CutoutPngRenderer().renderPng(image)));
            assertEquals(252, png.getWidth());
            int min = 255;
            int max = 0;
            for (int y = 0; y < png.getHeight(); y++) {
                for (int x = 0; x < png.getWidth(); x++) {
                    int grey = png.getRGB(x, y) & 0xff;
                    min = Math.min(min, grey);
                    max = Math.max(max, grey);
                }
            }
            assertTrue(max - min > 200, "the stretch uses the grey range: " + min + ".." + max);
        }
    }

    @Test
    void corruptStampsAreBadInputNamingWhere() {
        BadInputException gzip = assertThrows(BadInputException.class,
                () -> CutoutImage.decode(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, "f.avro", "packet 1 field cutoutScience"));
        assertEquals("packet 1 field cutoutScience", gzip.problem().location());
        assertTrue(gzip.problem().reason().contains("gzip"));
        BadInputException fits = assertThrows(BadInputException.class,
                () -> CutoutImage.decode("not fits at all".getBytes(), "f.avro", "here"));
        assertTrue(fits.problem().reason().contains("not a FITS file"));
    }

    @Test
    void checkAcceptsAndRejectsWhatDecodeDoes() throws Exception {
        for (Cutout c : firstAlert().cutouts()) {
            byte[] gz = c.stampData();
            CutoutImage.check(gz, "packet", c.kind().name());
            byte[] fits;
            try (InputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz))) {
                fits = in.readAllBytes();
            }
            assertEquals(63, CutoutImage.decode(fits, "packet", "plain").width(), "plain FITS is accepted too");
            CutoutImage.check(fits, "packet", "plain");
            byte[] wrongSize = gz.clone(); // the gzip trailer's size is off by one: not trusted, still rejected
            wrongSize[wrongSize.length - 4] ^= 1;
            byte[] cut = java.util.Arrays.copyOf(gz, gz.length - 100);
            byte[] shortFits = java.util.Arrays.copyOf(fits, fits.length - 2880);
            for (byte[] bad : new byte[][] {wrongSize, cut, shortFits, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}}) {
                BadInputException d = assertThrows(BadInputException.class, () -> CutoutImage.decode(bad, "f.avro", "here"));
                BadInputException k = assertThrows(BadInputException.class, () -> CutoutImage.check(bad, "f.avro", "here"));
                assertEquals(d.problem(), k.problem());
            }
        }
    }
}
