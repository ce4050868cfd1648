package org.ztfclass.votables.crossmatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.ReadResult;
import org.ztfclass.votables.sky.Separation;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.util.ByteArrayDataSource;
import uk.ac.starlink.votable.TableElement;
import uk.ac.starlink.votable.VOElement;
import uk.ac.starlink.votable.VOElementFactory;
import uk.ac.starlink.votable.VOStarTable;

/**
 * Reads one catalogue service's answer to a cone query (a VOTable, as CDS VizieR's ASU
 * {@code votable} output or a TAP service returns it) into {@link CrossmatchSource}s, with STIL.
 *
 * <p>Contract: an answer that cannot be used at all is a {@link BadInputException} whose source
 * names the service and catalogue and whose reason says why: an empty body, an HTML page, a
 * truncated or malformed document (with line and column), {@code QUERY_STATUS=ERROR} (with the
 * service's message), no TABLE, or a table without the id column or any of the catalogue's
 * quantities ("unexpected columns", listing what it has). A row that cannot be used (no source
 * id, a value that is not a number) is rejected as {@code row N} and the other rows are kept. A
 * document with no rows is a good answer: no sources. Sources come sorted by separation. The
 * separation is the answer's {@code _r} column (unit read from the column) or else computed from
 * the source position and the query centre. Flux densities become µJy using each column's unit.
 * Stateless and thread-safe.
 */
public final class CatalogueAnswerReader {

    private static final List<String> RA_COLUMNS = List.of("_RAJ2000", "RAJ2000", "RA_ICRS", "ra", "RAdeg", "RA");
    private static final List<String> DEC_COLUMNS = List.of("_DEJ2000", "DEJ2000", "DE_ICRS", "dec", "DEdeg", "DEC", "Dec");

    private CatalogueAnswerReader() {
    }

    /**
     * @param body       the answer's bytes
     * @param source     name of the answer for messages, e.g. {@code VizieR II/349/ps1 for ZTF22abftjko}
     * @param catalogue  how to read it
     * @param raDeg      query centre
     * @param decDeg     query centre
     * @return the sources and a problem per rejected row
     * @throws BadInputException when the answer as a whole is unusable
     */
    public static ReadResult<CrossmatchSource> read(byte[] body, String source, CatalogueDefinition catalogue, double raDeg,
                                                    double decDeg) throws BadInputException {
        StarTable table = table(body, source);
        ReadResult<CrossmatchSource> result = new ReadResult<>(source);
        if (table == null) {
            return result;
        }
        Columns cols = Columns.locate(table, catalogue, source);
        List<CrossmatchSource> sources = new ArrayList<>();
        try (RowSequence rows = table.getRowSequence()) {
            long n = 0;
            while (rows.next()) {
                n++;
                Object[] cells = rows.getRow();
                try {
                    sources.add(cols.source(cells, catalogue, raDeg, decDeg));
                } catch (IllegalArgumentException e) {
                    result.reject("row " + n, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new BadInputException(source, "data", "the table's rows cannot be read: " + e.getMessage(), e);
        }
        sources.sort(java.util.Comparator.comparingDouble(CrossmatchSource::separationArcsec));
        sources.forEach(result::accept);
        return result;
    }

    /** @return the first table of the document, or null when the document has a RESOURCE but no TABLE rows section */
    private static StarTable table(byte[] body, String source) throws BadInputException {
        if (body == null || body.length == 0) {
            throw new BadInputException(source, "document", "empty answer, expected a VOTable");
        }
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html")) {
            throw new BadInputException(source, "document", "the service answered an HTML page, not a VOTable (service down or "
                    + "an error page?): " + abbreviate(new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8)));
        }
        org.ztfclass.votables.table.VotableGuard.check(body, source);
        VOElement doc;
        try {
            doc = new VOElementFactory(StoragePolicy.PREFER_MEMORY).makeVOElement(new ByteArrayDataSource(source, body));
        } catch (SAXException e) {
            throw new BadInputException(source, location(e), "not a readable VOTable (truncated or malformed): " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(source, location(e), "not a readable VOTable: " + e.getMessage(), e);
        }
        if (!"VOTABLE".equals(doc.getVOTagName())) {
            throw new BadInputException(source, "document", "the root element is <" + doc.getTagName() + ">, not a VOTable");
        }
        NodeList infos = doc.getElementsByVOTagName("INFO");
        for (int i = 0; i < infos.getLength(); i++) {
            VOElement info = (VOElement) infos.item(i);
            if ("QUERY_STATUS".equals(info.getAttribute("name")) && "ERROR".equalsIgnoreCase(info.getAttribute("value"))) {
                String text = info.getTextContent() == null ? "" : info.getTextContent().strip();
                throw new BadInputException(source, "INFO QUERY_STATUS", "the service reported an error: "
                        + (text.isEmpty() ? "(no message)" : abbreviate(text)));
            }
        }
        NodeList tables = doc.getElementsByVOTagName("TABLE");
        if (tables.getLength() == 0) {
            // VizieR answers a cone with no source by a document without TABLE
            return null;
        }
        try {
            return StoragePolicy.PREFER_MEMORY.randomTable(new VOStarTable((TableElement) tables.item(0)));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(source, "TABLE", "the table cannot be read (truncated?): " + e.getMessage(), e);
        }
    }

    private static String location(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException p) {
                return "line " + p.getLineNumber() + " column " + p.getColumnNumber();
            }
        }
        return "document";
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    /** Where the needed values are in one answer's table. */
    private record Columns(int id, int ra, int dec, int separation, double separationToArcsec, List<Quantity> quantities,
                           int[] value, int[] error, double[] valueToUJy, double[] errorToUJy) {

        static Columns locate(StarTable t, CatalogueDefinition cat, String source) throws BadInputException {
            int id = find(t, cat.idColumns());
            List<Quantity> found = new ArrayList<>();
            List<int[]> where = new ArrayList<>();
            for (Quantity q : cat.quantities()) {
                int v = find(t, q.valueColumns());
                if (v >= 0) {
                    found.add(q);
                    where.add(new int[] {v, find(t, q.errorColumns())});
                }
            }
            if (id < 0 || found.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < t.getColumnCount(); i++) {
                    names.add(t.getColumnInfo(i).getName());
                }
                List<String> wanted = new ArrayList<>();
                if (id < 0) {
                    wanted.add("id " + cat.idColumns());
                }
                if (found.isEmpty()) {
                    wanted.add("any of " + cat.quantities().stream().flatMap(q -> q.valueColumns().stream()).toList());
                }
                throw new BadInputException(source, "FIELDs", "unexpected columns for " + cat.title() + " (" + cat.vizierTable()
                        + "): missing " + String.join(" and ", wanted) + "; the answer has " + abbreviate(names.toString()));
            }
            int sep = find(t, List.of("_r"));
            double sepScale = sep < 0 ? 0 : angleToArcsec(t.getColumnInfo(sep).getUnitString());
            int n = found.size();
            int[] value = new int[n];
            int[] error = new int[n];
            double[] vScale = new double[n];
            double[] eScale = new double[n];
            for (int k = 0; k < n; k++) {
                Quantity q = found.get(k);
                value[k] = where.get(k)[0];
                error[k] = where.get(k)[1];
                if (q.isFlux()) {
                    vScale[k] = fluxToUJy(t.getColumnInfo(value[k]).getUnitString(), q.defaultUnit(), source);
                    eScale[k] = error[k] < 0 ? vScale[k] : fluxToUJy(t.getColumnInfo(error[k]).getUnitString(), q.defaultUnit(), source);
                }
            }
            return new Columns(id, find(t, RA_COLUMNS), find(t, DEC_COLUMNS), sep, sepScale, found, value, error, vScale, eScale);
        }

        CrossmatchSource source(Object[] cells, CatalogueDefinition cat, double raDeg, double decDeg) {
            Object idValue = cells[id];
            if (idValue == null || idValue.toString().isBlank()) {
                throw new IllegalArgumentException("no source id (column " + cat.idColumns().get(0) + ")");
            }
            Double srcRa = this.ra < 0 ? null : number(cells[this.ra], "position");
            Double srcDec = this.dec < 0 ? null : number(cells[this.dec], "position");
            Double sepValue = separation < 0 ? null : number(cells[separation], "_r");
            double sepArcsec;
            if (sepValue != null) {
                sepArcsec = sepValue * separationToArcsec;
            } else if (srcRa != null && srcDec != null) {
                sepArcsec = Separation.degrees(raDeg, decDeg, srcRa, srcDec) * 3600;
            } else {
                throw new IllegalArgumentException("neither a separation (_r) nor a position to compute it from");
            }
            List<CrossmatchMeasurement> ms = new ArrayList<>();
            for (int k = 0; k < quantities.size(); k++) {
                Quantity q = quantities.get(k);
                Double v = number(cells[value[k]], q.valueColumns().get(0));
                Double e = error[k] < 0 ? null : number(cells[error[k]], q.errorColumns().get(0));
                if (v == null) {
                    continue;
                }
                if (q.isFlux()) {
                    if (q.frequencyGHz() == null) {
                        throw new IllegalArgumentException("flux density " + q.name() + " without a frequency");
                    }
                    ms.add(new CrossmatchMeasurement(q.name(), q.band(), q.frequencyGHz(), null, null, null, v * valueToUJy[k],
                            e == null ? null : e * errorToUJy[k]));
                } else {
                    ms.add(new CrossmatchMeasurement(q.name(), q.band(), null, v, e, cat.magSystem(), null, null));
                }
            }
            String sid = idValue instanceof Number n && !(idValue instanceof Double) && !(idValue instanceof Float)
                    ? Long.toString(n.longValue()) : idValue.toString().strip();
            return new CrossmatchSource(cat.key(), sid, sepArcsec, srcRa, srcDec, ms);
        }

        private static Double number(Object cell, String column) {
            if (cell == null) {
                return null;
            }
            if (cell instanceof Number n) {
                double d = n.doubleValue();
                return Double.isNaN(d) ? null : d;
            }
            String s = cell.toString().strip();
            if (s.isEmpty()) {
                return null;
            }
            try {
                double d = Double.parseDouble(s);
                return Double.isNaN(d) ? null : d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column " + column + ": '" + s + "' is not a number");
            }
        }

        private static int find(StarTable t, List<String> names) {
            for (String name : names) {
                for (int i = 0; i < t.getColumnCount(); i++) {
                    ColumnInfo c = t.getColumnInfo(i);
                    if (name.equals(c.getName())) {
                        return i;
                    }
                }
            }
            return -1;
        }

        private static double angleToArcsec(String unit) {
            String u = unit == null ? "arcmin" : unit.strip();
            return switch (u) {
                case "arcsec", "\"" -> 1;
                case "deg", "degree" -> 3600;
                case "mas" -> 0.001;
                default -> 60; // VizieR's _r is in arcmin unless asked otherwise
            };
        }

        private static double fluxToUJy(String unit, String defaultUnit, String source) throws BadInputException {
            String u = unit == null || unit.isBlank() ? defaultUnit : unit.strip();
            String base = u.replace("/beam", "");
            return switch (base) {
                case "Jy" -> 1e6;
                case "mJy" -> 1e3;
                case "uJy", "µJy", "microJy" -> 1;
                case "nJy" -> 1e-3;
                default -> throw new BadInputException(source, "FIELDs", "flux unit '" + u + "' is not one ztfclass converts (Jy, mJy, uJy)");
            };
        }
    }
}
