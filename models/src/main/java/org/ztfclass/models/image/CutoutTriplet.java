package org.ztfclass.models.image;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.CutoutKind;
import org.ztfclass.votables.fits.CutoutImage;
import org.ztfclass.votables.input.BadInputException;

/**
 * The CNN's view of an alert: science, reference (template) and difference stamps as three
 * {@link #SIZE}x{@link #SIZE} channels. Each stamp is normalised on its own: minus its median,
 * divided by its robust spread (1.4826 x median absolute deviation, else the standard deviation),
 * then squashed with asinh so a bright star does not drown the rest; NaN or blank pixels become 0
 * (the median). A stamp of another size is centred and cropped or zero-padded.
 * No triplet (the branch is masked) if a stamp is missing, cannot be decoded, or has no finite pixel.
 */
public final class CutoutTriplet {

    /** Stamp side, pixels. */
    public static final int SIZE = 63;
    /** Channels: science, template, difference. */
    public static final int CHANNELS = 3;
    private static final CutoutKind[] ORDER = {CutoutKind.SCIENCE, CutoutKind.TEMPLATE, CutoutKind.DIFFERENCE};

    private CutoutTriplet() {
    }

    /** Why a triplet could not be made, for reports. */
    public static final class Unusable extends Exception {
        public Unusable(String message) {
            super(message);
        }
    }

    /**
     * @param objectId for the message
     * @return {@code CHANNELS*SIZE*SIZE} values, channel-major then row then column
     * @throws Unusable naming the stamp and why
     */
    public static float[] encode(String objectId, List<Cutout> cutouts) throws Unusable {
        Map<CutoutKind, Cutout> byKind = new EnumMap<>(CutoutKind.class);
        for (Cutout c : cutouts) {
            byKind.put(c.kind(), c);
        }
        float[] out = new float[CHANNELS * SIZE * SIZE];
        for (int ch = 0; ch < CHANNELS; ch++) {
            Cutout c = byKind.get(ORDER[ch]);
            if (c == null) {
                throw new Unusable(objectId + ": no " + ORDER[ch].urlName() + " cutout");
            }
            CutoutImage image;
            try {
                image = CutoutImage.decode(c.stampData(), objectId, ORDER[ch].avroField());
            } catch (BadInputException e) {
                throw new Unusable(e.getMessage());
            }
            normalise(image, out, ch * SIZE * SIZE, objectId + " " + ORDER[ch].urlName() + " cutout");
        }
        return out;
    }

    /** @return true if the cutouts give a triplet */
    public static boolean has(String objectId, List<Cutout> cutouts) {
        if (cutouts.size() < CHANNELS) {
            return false;
        }
        try {
            encode(objectId, cutouts);
            return true;
        } catch (Unusable e) {
            return false;
        }
    }

    private static void normalise(CutoutImage image, float[] out, int offset, String what) throws Unusable {
        int w = image.width();
        int h = image.height();
        double[] finite = new double[w * h];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = image.pixel(x, y);
                if (Double.isFinite(v)) {
                    finite[n++] = v;
                }
            }
        }
        if (n == 0) {
            throw new Unusable(what + " has no finite pixel");
        }
        double[] values = Arrays.copyOf(finite, n);
        Arrays.sort(values);
        double median = values[n / 2];
        double[] dev = new double[n];
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(values[i] - median);
            sum2 += (values[i] - median) * (values[i] - median);
        }
        Arrays.sort(dev);
        double spread = 1.4826 * dev[n / 2];
        if (!(spread > 0)) {
            spread = Math.sqrt(sum2 / n);
        }
        if (!(spread > 0)) {
            spread = 1;
        }
        int dx = (w - SIZE) / 2;
        int dy = (h - SIZE) / 2;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int sx = x + dx;
                int sy = y + dy;
                double v = sx >= 0 && sy >= 0 && sx < w && sy < h ? image.pixel(sx, sy) : median;
                out[offset + y * SIZE + x] = Double.isFinite(v) ? (float) asinh((v - median) / spread) : 0f;
            }
        }
    }

    /** asinh, stable for large |x| of either sign (a saturated or negative-flux pixel), clamped to ±20. */
    static double asinh(double x) {
        double ax = Math.abs(x);
        double y = ax > 1e8 ? Math.log(2) + Math.log(ax) : Math.log(ax + Math.sqrt(ax * ax + 1));
        return Math.copySign(Math.min(20, y), x);
    }

    /**
     * One of the 8 rotations/reflections of a triplet (the sky has no preferred orientation on
     * these stamps), for training-time augmentation.
     *
     * @param k 0..7; 0 is the identity
     */
    public static float[] transformed(float[] triplet, int k) {
        if (k == 0) {
            return triplet;
        }
        float[] out = new float[triplet.length];
        for (int ch = 0; ch < CHANNELS; ch++) {
            int o = ch * SIZE * SIZE;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int sx = x;
                    int sy = y;
                    if ((k & 1) != 0) {
                        sx = SIZE - 1 - sx;
                    }
                    if ((k & 2) != 0) {
                        sy = SIZE - 1 - sy;
                    }
                    if ((k & 4) != 0) {
                        int t = sx;
                        sx = sy;
                        sy = t;
                    }
                    out[o + y * SIZE + x] = triplet[o + sy * SIZE + sx];
                }
            }
        }
        return out;
    }
}
