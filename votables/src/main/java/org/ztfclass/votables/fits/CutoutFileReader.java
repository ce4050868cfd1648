package org.ztfclass.votables.fits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.CutoutKind;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads one alert stamp kept as a file of its own, as brokers hand them out when they store an
 * alert's cutouts apart from its photometry: {@code <objectId>_<candid>_<science|template|difference>.fits.gz}
 * (or {@code .fits}), the stamp's bytes exactly as the alert packet carried them. The name says
 * whose stamp it is (a FITS stamp of ZTF does not); the bytes must be a gzip-compressed (or
 * plain) FITS file whose primary HDU is a 2-d image ({@link CutoutImage#check}).
 *
 * <p>Limits: a file of at most {@link #MAX_FILE_BYTES} that inflates to at most
 * {@link #MAX_INFLATED_BYTES} (a ZTF stamp is ~5 KB compressed, ~20 KB inflated). Anything else
 * is rejected with the reason, location {@code file}. Stateless, thread-safe.
 */
public final class CutoutFileReader {

    /** The largest stamp file read, bytes. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** The largest size a stamp may inflate to, bytes. */
    public static final int MAX_INFLATED_BYTES = 4 << 20;

    private static final Pattern NAME = Pattern.compile(
            "(ZTF\\d{2}[a-z]{7})_(\\d{1,19})_(science|template|difference)\\.fits(\\.gz)?", Pattern.CASE_INSENSITIVE);

    /** One stamp file: the object it belongs to and the stamp, keyed by its alert's candid. */
    public record CutoutFile(String objectId, Cutout cutout) {
    }

    /** @return whether the file's name ends as a FITS stamp's does ({@code .fits} or {@code .fits.gz}) */
    public static boolean isFitsName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".fits.gz") || n.endsWith(".fits");
    }

    /**
     * Whether a detection is the candidate of the alert a stamp belongs to: the same candid, or,
     * where a table kept candids as 64-bit floats (Fink's alert histories: only ~16 of the 19
     * digits survive), the same candid to that precision. Candids of one object's different
     * detections differ in their leading (time) digits, so the rounded match cannot pick a
     * neighbour.
     */
    public static boolean sameAlert(long stampCandid, Long detectionCandid) {
        return detectionCandid != null && (detectionCandid == stampCandid || (double) detectionCandid == (double) stampCandid);
    }

    /**
     * @return among an object's detection candids, the one that is the stamp's alert candidate: the same
     *         candid if present, else one equal to it as a 64-bit float ({@link #sameAlert}); null if none
     */
    public static Long candidateOf(long stampCandid, java.util.Collection<Long> detectionCandids) {
        if (detectionCandids.contains(stampCandid)) {
            return stampCandid;
        }
        return detectionCandids.stream().filter(c -> sameAlert(stampCandid, c)).findFirst().orElse(null);
    }

    /** @return the stamp, or the reason it was rejected */
    public ReadResult<CutoutFile> read(Path file) throws IOException {
        String source = file.toString();
        ReadResult<CutoutFile> result = new ReadResult<>(source);
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            result.reject("file", "a cutout file must be named <objectId>_<candid>_<science|template|difference>.fits.gz "
                    + "(e.g. ZTF18abgzkmf_1786160356115010046_science.fits.gz): the name says whose stamp it is");
            return result;
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            result.reject("file", String.format("%,d bytes: larger than the %,d bytes a cutout stamp may have", size, MAX_FILE_BYTES));
            return result;
        }
        long candid;
        try {
            candid = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            result.reject("file", "candid " + m.group(2) + " in the name is larger than a ZTF candid can be");
            return result;
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            CutoutImage.check(inflateBounded(bytes, source), source, "file");
        } catch (BadInputException e) {
            result.reject(e.problem().location(), e.problem().reason());
            return result;
        }
        String objectId = "ZTF" + m.group(1).substring(3).toLowerCase(Locale.ROOT);
        result.accept(new CutoutFile(objectId,
                new Cutout(candid, CutoutKind.parse(m.group(3)), file.getFileName().toString(), bytes)));
        return result;
    }

    /** @return the FITS bytes: inflated if gzip-compressed, refused beyond {@link #MAX_INFLATED_BYTES} */
    private static byte[] inflateBounded(byte[] bytes, String source) throws BadInputException {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes), 8192)) {
            byte[] out = gz.readNBytes(MAX_INFLATED_BYTES + 1);
            if (out.length > MAX_INFLATED_BYTES) {
                throw new BadInputException(source, "file",
                        String.format("inflates to more than the %,d bytes a cutout stamp may have", MAX_INFLATED_BYTES));
            }
            return out;
        } catch (IOException e) {
            throw new BadInputException(source, "file", "corrupt gzip data in cutout: " + e.getMessage(), e);
        }
    }
}
