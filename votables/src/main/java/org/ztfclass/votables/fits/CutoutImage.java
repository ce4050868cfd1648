package org.ztfclass.votables.fits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.util.zip.GZIPInputStream;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.util.FitsInputStream;
import org.ztfclass.votables.input.BadInputException;

/**
 * The pixels of one alert cutout, decoded from the gzip-compressed FITS file that ZTF puts in
 * {@code stampData} (plain, uncompressed FITS is accepted too).
 *
 * <p>{@code pixels[y][x]} follows FITS order: row 0 is the bottom of the image. Blank or NaN
 * pixels are {@link Double#NaN}. Instances are immutable.
 */
public final class CutoutImage {

    private final double[][] pixels;

    private CutoutImage(double[][] pixels) {
        this.pixels = pixels;
    }

    /** @return image width in pixels */
    public int width() {
        return pixels.length == 0 ? 0 : pixels[0].length;
    }

    /** @return image height in pixels */
    public int height() {
        return pixels.length;
    }

    /** @return the value at column {@code x}, row {@code y} (row 0 at the bottom) */
    public double pixel(int x, int y) {
        return pixels[y][x];
    }

    /**
     * Decodes a stamp.
     *
     * @param stampData gzipped (or plain) FITS bytes
     * @param source    file name for the problem report
     * @param location  where in the file, e.g. {@code packet 2 field cutoutScience}
     * @throws BadInputException naming source and location if the gzip stream is corrupt, the
     *         bytes are not FITS, or the primary HDU holds no 2-d image
     */
    public static CutoutImage decode(byte[] stampData, String source, String location) throws BadInputException {
        ImageHDU image = read(stampData, source, location);
        try {
            double bzero = image.getHeader().getDoubleValue("BZERO", 0.0);
            double bscale = image.getHeader().getDoubleValue("BSCALE", 1.0);
            return new CutoutImage(toDoubles(image.getKernel(), bscale, bzero));
        } catch (RuntimeException e) {
            throw new BadInputException(source, location, "corrupt FITS cutout: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that a stamp decodes, as {@link #decode} does, without converting its pixels (ingest keeps the
     * stamp's bytes and only needs to know they are a usable image).
     *
     * @throws BadInputException exactly when {@link #decode} would
     */
    public static void check(byte[] stampData, String source, String location) throws BadInputException {
        read(stampData, source, location);
    }

    /** @return the stamp's primary HDU, checked to hold a 2-d image whose data is all there */
    private static ImageHDU read(byte[] stampData, String source, String location) throws BadInputException {
        byte[] fitsBytes;
        if (stampData.length >= 2 && (stampData[0] & 0xff) == 0x1f && (stampData[1] & 0xff) == 0x8b) {
            // one input buffer for the whole stamp: the default 512 bytes cost a native inflate call per 512 bytes
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(stampData), Math.max(512, stampData.length))) {
                fitsBytes = inflate(gz, stampData);
            } catch (IOException e) {
                throw new BadInputException(source, location, "corrupt gzip data in cutout: " + e.getMessage(), e);
            }
        } else {
            fitsBytes = stampData;
        }
        if (fitsBytes.length < 2880 || !new String(fitsBytes, 0, 6, java.nio.charset.StandardCharsets.US_ASCII).equals("SIMPLE")) {
            throw new BadInputException(source, location, "cutout is not a FITS file (no SIMPLE header card)");
        }
        // Header + data read through a small-buffered FitsInputStream: new Fits(InputStream) allocates
        // large buffers per call, which made decoding 63x63 stamps ~20x slower.
        try (FitsInputStream in = new FitsInputStream(new ByteArrayInputStream(fitsBytes), 2880 * 4)) {
            BasicHDU<?> hdu = Fits.makeHDU(Header.readHeader(in));
            hdu.getData().read(in);
            if (!(hdu instanceof ImageHDU image)) {
                throw new BadInputException(source, location, "cutout FITS has no image in its primary HDU");
            }
            Object kernel = image.getKernel();
            if (kernel == null || !kernel.getClass().isArray() || Array.getLength(kernel) == 0
                    || !Array.get(kernel, 0).getClass().isArray()) {
                throw new BadInputException(source, location, "cutout FITS image is not 2-dimensional");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(source, location, "corrupt FITS cutout: " + e.getMessage(), e);
        }
    }

    /** The gzip trailer's ISIZE (size mod 2^32) of the largest stamp read into a buffer of that size at once. */
    private static final int MAX_EXACT = 64 * 1024 * 1024;

    /**
     * @return every byte of the gzip stream: read straight into a buffer of the size the gzip trailer states
     *     (one allocation, no copy), or, if the trailer is not to be trusted, as {@link InputStream#readAllBytes}
     */
    private static byte[] inflate(InputStream gz, byte[] stampData) throws IOException {
        int n = stampData.length;
        long size = n < 18 ? -1 : (stampData[n - 4] & 0xffL) | (stampData[n - 3] & 0xffL) << 8 | (stampData[n - 2] & 0xffL) << 16
                | (stampData[n - 1] & 0xffL) << 24;
        if (size < 0 || size > MAX_EXACT) {
            return gz.readAllBytes();
        }
        byte[] out = new byte[(int) size];
        int read = gz.readNBytes(out, 0, out.length);
        if (read < out.length) {
            return java.util.Arrays.copyOf(out, read); // shorter than the trailer said: GZIPInputStream reports a bad trailer
        }
        byte[] rest = gz.readAllBytes();
        if (rest.length == 0) {
            return out;
        }
        byte[] all = java.util.Arrays.copyOf(out, out.length + rest.length); // longer (a second gzip member, or size >= 4 GiB)
        System.arraycopy(rest, 0, all, out.length, rest.length);
        return all;
    }

    private static double[][] toDoubles(Object kernel, double bscale, double bzero) {
        int h = Array.getLength(kernel);
        double[][] out = new double[h][];
        for (int y = 0; y < h; y++) {
            Object row = Array.get(kernel, y);
            if (row instanceof float[] f) {
                out[y] = new double[f.length];
                for (int x = 0; x < f.length; x++) {
                    out[y][x] = f[x];
                }
            } else if (row instanceof double[] d) {
                out[y] = d.clone();
            } else {
                int w = Array.getLength(row);
                out[y] = new double[w];
                for (int x = 0; x < w; x++) {
                    out[y][x] = bzero + bscale * ((Number) Array.get(row, x)).doubleValue();
                }
            }
        }
        return out;
    }
}
