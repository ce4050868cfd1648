package org.ztfclass.votables.fits;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Renders a cutout as a grey-scale PNG for people: the pixel values are clipped to a
 * percentile range (0.5 %–99.5 % by default, as ds9's "99.5 %" scale), stretched with an asinh
 * curve, shown with north up (FITS row 0 at the bottom) and enlarged by whole pixels so the
 * 63x63 stamps stay sharp. Stateless and thread-safe.
 */
public final class CutoutPngRenderer {

    private final double lowPercentile;
    private final double highPercentile;
    private final int zoom;

    /** The default rendering: 0.5–99.5 % clip, zoom 4 (63 px stamps become 252 px). */
    public CutoutPngRenderer() {
        this(0.5, 99.5, 4);
    }

    /**
     * @param lowPercentile  values below this percentile render black, 0..100
     * @param highPercentile values above render white, greater than {@code lowPercentile}
     * @param zoom           whole-pixel enlargement, 1..16
     */
    public CutoutPngRenderer(double lowPercentile, double highPercentile, int zoom) {
        if (!(lowPercentile >= 0 && highPercentile <= 100 && lowPercentile < highPercentile)) {
            throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 100");
        }
        if (zoom < 1 || zoom > 16) {
            throw new IllegalArgumentException("zoom must be 1..16, got " + zoom);
        }
        this.lowPercentile = lowPercentile;
        this.highPercentile = highPercentile;
        this.zoom = zoom;
    }

    /** @return PNG bytes of the rendered image */
    public byte[] renderPng(CutoutImage image) {
        BufferedImage rendered = render(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(rendered, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the rendered grey-scale image, {@code zoom} times the cutout's size */
    public BufferedImage render(CutoutImage image) {
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
        double[] sorted = Arrays.copyOf(finite, n);
        Arrays.sort(sorted);
        double lo = n == 0 ? 0 : sorted[(int) Math.floor((n - 1) * lowPercentile / 100.0)];
        double hi = n == 0 ? 1 : sorted[(int) Math.ceil((n - 1) * highPercentile / 100.0)];
        double range = hi > lo ? hi - lo : 1.0;
        double softening = 0.1;
        double norm = asinh(1.0 / softening);
        BufferedImage out = new BufferedImage(w * zoom, h * zoom, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            int screenY = h - 1 - y;
            for (int x = 0; x < w; x++) {
                double v = image.pixel(x, y);
                int grey;
                if (!Double.isFinite(v)) {
                    grey = 0;
                } else {
                    double t = Math.min(1.0, Math.max(0.0, (v - lo) / range));
                    grey = (int) Math.round(255 * asinh(t / softening) / norm);
                }
                int rgb = (grey << 16) | (grey << 8) | grey;
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        out.setRGB(x * zoom + dx, screenY * zoom + dy, rgb);
                    }
                }
            }
        }
        return out;
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}
