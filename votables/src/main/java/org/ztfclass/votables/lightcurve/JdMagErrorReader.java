package org.ztfclass.votables.lightcurve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads one object's light curve in one band written as three whitespace-separated columns
 * without a header: JD, magnitude, error (as in annayqho's {@code ZTF18aaqjovh_force_phot_lc_g.txt},
 * ZTF forced photometry reduced to magnitudes). The object is the ZTF id the file name starts with,
 * the band the letter before the extension: {@code ZTF<id>_..._<g|r|i>.txt}. Lines starting with
 * {@code #} and blank lines are skipped.
 *
 * <p>Each row with a magnitude becomes a detection ({@code candid} null, {@code jd} as given).
 * A row whose magnitude is {@code nan} is a forced measurement without a detection and gives no
 * limiting magnitude, so it is <b>skipped</b> (neither a detection nor an upper limit, and not
 * reported as a problem). A row that is not three numbers, or a detection without a finite error,
 * is rejected with its line and field; the rest are kept.
 */
public final class JdMagErrorReader implements LightCurveReader {

    private static final Pattern NAME = Pattern.compile("(ZTF\\d{2}[a-z]{7})_.*_([gri])\\.txt");
    private static final String[] FIELDS = {"JD", "mag", "error"};

    /**
     * @param fileName  the file's name
     * @param firstLine its first line that is neither blank nor a comment, or null
     * @return true if the name says object and band and the line is three numbers, the first a JD
     */
    public static boolean accepts(String fileName, String firstLine) {
        if (firstLine == null || !NAME.matcher(fileName).matches()) {
            return false;
        }
        String[] cells = firstLine.trim().split("\\s+");
        if (cells.length != 3) {
            return false;
        }
        try {
            double jd = number(cells[0]);
            number(cells[1]);
            number(cells[2]);
            return jd > 2_400_000;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public ReadResult<Detection> read(Reader in, String source) throws IOException {
        ReadResult<Detection> result = new ReadResult<>(source);
        Matcher name = NAME.matcher(Path.of(source).getFileName().toString());
        if (!name.matches()) {
            result.reject("file", "file name must be <ZTF id>_..._<band>.txt (band g, r or i), e.g. ZTF18aaqjovh_force_phot_lc_g.txt");
            return result;
        }
        String objectId = name.group(1);
        Band band = Band.parse(name.group(2));
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        int line = 0;
        for (String text = r.readLine(); text != null; text = r.readLine()) {
            line++;
            String t = text.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split("\\s+");
            if (cells.length != 3) {
                result.reject("line " + line, "expected 3 columns (JD mag error), found " + cells.length);
                continue;
            }
            double[] v = new double[3];
            boolean ok = true;
            for (int i = 0; i < 3 && ok; i++) {
                try {
                    v[i] = number(cells[i]);
                } catch (NumberFormatException e) {
                    result.reject("line " + line + " field " + FIELDS[i], "'" + cells[i] + "' is not a number");
                    ok = false;
                }
            }
            if (!ok || Double.isNaN(v[1])) {
                continue; // nan magnitude: no detection and no limit to keep
            }
            if (!Double.isFinite(v[0]) || v[0] < 2_400_000) {
                result.reject("line " + line + " field JD", "'" + cells[0] + "' is not a Julian Date");
            } else if (!Double.isFinite(v[1])) {
                result.reject("line " + line + " field mag", "'" + cells[1] + "' is not a finite magnitude");
            } else if (!Double.isFinite(v[2])) {
                result.reject("line " + line + " field error", "a detection needs a finite error, found '" + cells[2] + "'");
            } else {
                result.accept(new Detection(objectId, null, v[0], band, v[1], v[2], null, null, null, null, null, null, null));
            }
        }
        return result;
    }

    /** @return the number, {@code nan} (any case, as numpy writes it) as NaN */
    private static double number(String cell) {
        return cell.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(cell);
    }
}
