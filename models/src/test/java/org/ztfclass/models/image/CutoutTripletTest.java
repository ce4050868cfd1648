package org.ztfclass.models.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.Fits;
import nom.tam.util.FitsOutputStream;
import org.junit.jupiter.api.Test;
import org.ztfclass.models.MultimodalSamples;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.CutoutKind;

class CutoutTripletTest {

    /** A plain FITS image, as a stamp's bytes. */
    private static byte[] fits(float[][] pixels) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (Fits f = new Fits(); FitsOutputStream out = new FitsOutputStream(b)) {
            f.addHDU(Fits.makeHDU(pixels));
            f.write(out);
        }
        return b.toByteArray();
    }

    private static List<Cutout> realTriplet() throws Exception {
        for (LabelledObject o : MultimodalSamples.finkAlerts()) {
            if (o.data().cutouts().size() == 3) {
                return o.data().cutouts();
            }
        }
        throw new AssertionError("no labelled alert with three cutouts");
    }

    @Test
    void realStampsBecomeThreeNormalisedFiniteChannels() throws Exception {
        float[] x = CutoutTriplet.encode("real", realTriplet());
        assertEquals(3 * 63 * 63, x.length);
        for (int ch = 0; ch < 3; ch++) {
            float[] c = java.util.Arrays.copyOfRange(x, ch * 63 * 63, (ch + 1) * 63 * 63);
            float[] sorted = c.clone();
            java.util.Arrays.sort(sorted);
            assertEquals(0f, sorted[sorted.length / 2], 0.05f, "channel " + ch + " is centred on its median");
            for (float v : c) {
                assertTrue(Float.isFinite(v) && Math.abs(v) < 20, "channel " + ch + " value " + v);
            }
        }
    }

    @Test
    void allNanOrMissingStampsMaskTheBranchWithAReason() throws Exception {
        List<Cutout> real = realTriplet();
        float[][] nan = new float[63][63];
        for (float[] row : nan) {
            java.util.Arrays.fill(row, Float.NaN);
        }
        List<Cutout> withNan = new ArrayList<>(real);
        withNan.set(0, new Cutout(1L, real.get(0).kind(), "nan.fits", fits(nan)));
        CutoutTriplet.Unusable e = assertThrows(CutoutTriplet.Unusable.class, () -> CutoutTriplet.encode("ZTF00nan", withNan));
        assertTrue(e.getMessage().contains("ZTF00nan") && e.getMessage().contains("no finite pixel"), e.getMessage());
        assertFalse(CutoutTriplet.has("ZTF00nan", withNan));
        assertFalse(CutoutTriplet.has("ZTF00few", real.subList(0, 2)));
        List<Cutout> garbage = new ArrayList<>(real);
        garbage.set(2, new Cutout(1L, CutoutKind.DIFFERENCE, "x", new byte[] {1, 2, 3}));
        assertTrue(assertThrows(CutoutTriplet.Unusable.class, () -> CutoutTriplet.encode("ZTF00bad", garbage)).getMessage()
                .contains("not a FITS file"));
    }

    @Test
    void nanPixelsBecomeTheMedianAndOddSizesAreCentred() throws Exception {
        float[][] p = new float[51][51];
        for (int y = 0; y < 51; y++) {
            for (int x = 0; x < 51; x++) {
                p[y][x] = (x + y) % 7;
            }
        }
        p[25][25] = Float.NaN;
        Cutout s = new Cutout(1L, CutoutKind.SCIENCE, "s", fits(p));
        Cutout t = new Cutout(1L, CutoutKind.TEMPLATE, "t", fits(p));
        Cutout d = new Cutout(1L, CutoutKind.DIFFERENCE, "d", fits(p));
        float[] x = CutoutTriplet.encode("ZTF00odd", List.of(s, t, d));
        assertEquals(0f, x[31 * 63 + 31], 1e-6, "the NaN pixel (centre) became the median");
        assertEquals(0f, x[0], 1e-6, "padding is the median");
    }

    @Test
    void extremePixelsOfEitherSignStayFinite() {
        // two real alerts of the demo store had stamps whose scaled values overflowed the naive asinh to -Infinity
        for (double x : new double[] {-1e300, -1e12, -3, 0, 3, 1e12, 1e300, Double.MAX_VALUE, -Double.MAX_VALUE}) {
            double y = CutoutTriplet.asinh(x);
            assertTrue(Double.isFinite(y) && Math.abs(y) <= 20 && Math.signum(y) == Math.signum(x), x + " -> " + y);
        }
        assertEquals(Math.log(3 + Math.sqrt(10)), CutoutTriplet.asinh(3), 1e-12);
        assertEquals(-Math.log(3 + Math.sqrt(10)), CutoutTriplet.asinh(-3), 1e-12);
    }

    @Test
    void theEightSymmetriesKeepThePixelsAndTheIdentityIsFirst() throws Exception {
        float[] x = CutoutTriplet.encode("real", realTriplet());
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        assertTrue(x == CutoutTriplet.transformed(x, 0));
        for (int k = 1; k < 8; k++) {
            float[] t = CutoutTriplet.transformed(x, k);
            double s = 0;
            for (float v : t) {
                s += v;
            }
            assertEquals(sum, s, 1e-2);
            assertEquals(x[31 * 63 + 31], t[31 * 63 + 31], "the centre pixel stays");
        }
    }
}
