package org.ztfclass.votables.photometry;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ztfclass.votables.domain.PhotometryPoint;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads the output of the ZTF forced-photometry service at IPAC ({@code forcedphot} text:
 * {@code #} header with the requested position, a column-name line, whitespace-separated rows).
 * Difference-image fluxes (DN, with zero point {@code zpdiff}) become µJy; S/N ≥ 3 is a
 * detection, otherwise a 5-sigma limit. Epochs the service could not measure ({@code null}
 * flux) are reported with their {@code procstatus} and skipped.
 */
public final class ZtfForcedPhotometryReader implements PhotometryReader {

    private static final Pattern RA = Pattern.compile("Requested input R\\.A\\. = ([-0-9.eE+]+)");
    private static final Pattern DEC = Pattern.compile("Requested input Dec\\. = ([-0-9.eE+]+)");

    /** @return true for the column-name line of this format */
    static boolean isHeader(String line) {
        return !line.startsWith("#") && line.contains("forcediffimflux") && line.contains("zpdiff");
    }

    @Override
    public ReadResult<PhotometryPoint> read(Reader in, String source, String objectId) throws IOException {
        ReadResult<PhotometryPoint> result = new ReadResult<>(source);
        WhitespaceTable t;
        try {
            t = WhitespaceTable.read(in, source, ZtfForcedPhotometryReader::isHeader);
        } catch (BadInputException e) {
            result.reject(e.problem());
            return result;
        }
        int filter = t.column("filter");
        int jd = t.column("jd");
        int flux = t.column("forcediffimflux");
        int unc = t.column("forcediffimfluxunc");
        int zp = t.column("zpdiff");
        int status = t.column("procstatus");
        for (WhitespaceTable.Row row : t.rows) {
            String[] c = row.cells();
            String where = "line " + row.line();
            if (c.length < t.names.size()) {
                result.reject(where, c.length + " values for " + t.names.size() + " columns");
                continue;
            }
            if (c[flux].equalsIgnoreCase("null") || c[unc].equalsIgnoreCase("null") || c[zp].equalsIgnoreCase("null")) {
                result.reject(where, "no forced flux at this epoch (procstatus " + (status >= 0 ? c[status] : "?") + ")");
                continue;
            }
            try {
                double z = Double.parseDouble(c[zp]);
                double scale = Math.pow(10, (23.9 - z) / 2.5);
                String band = c[filter].replace("ZTF_", "");
                result.accept(PhotometryPoint.fromFlux(objectId, Double.parseDouble(c[jd]) - 2400000.5, "ZTF-forced", band,
                        Double.parseDouble(c[flux]) * scale, Double.parseDouble(c[unc]) * scale));
            } catch (NumberFormatException e) {
                result.reject(where, "non-numeric value: " + e.getMessage());
            }
        }
        return result;
    }

    /** @return {ra, dec} the service was asked about, from the header comments, or null */
    public static double[] requestedPosition(java.nio.file.Path file) throws IOException {
        Double ra = null;
        Double dec = null;
        for (String line : java.nio.file.Files.readAllLines(file)) {
            if (!line.startsWith("#")) {
                break;
            }
            Matcher m = RA.matcher(line);
            if (m.find()) {
                ra = Double.parseDouble(m.group(1));
            }
            m = DEC.matcher(line);
            if (m.find()) {
                dec = Double.parseDouble(m.group(1));
            }
        }
        return ra == null || dec == null ? null : new double[] {ra, dec};
    }
}
