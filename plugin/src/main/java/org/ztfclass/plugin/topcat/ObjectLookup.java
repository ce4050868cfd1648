package org.ztfclass.plugin.topcat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ztfclass.plugin.server.ServerClient;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.table.VotableReader;
import uk.ac.starlink.table.StarTable;

/**
 * Asks the server about one object at a time (through {@code /api/objects/match}) and keeps the
 * last {@value #CAPACITY} answers, so a TOPCAT column of 10,000 rows costs one request per
 * distinct object. An unknown object, or a server that cannot be reached, is remembered as
 * "nothing known" (null values), so TOPCAT shows blanks rather than failing the whole column.
 * Thread-safe.
 */
final class ObjectLookup {

    static final int CAPACITY = 10_000;

    /** What the server says of an object; fields null when unknown. */
    record Facts(Double pSnIa, Double pSnII, Double pOther, String predictedClass, String url) {
        static final Facts NONE = new Facts(null, null, null, null, null);
    }

    private final ServerClient server;
    private final Map<String, Facts> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Facts> eldest) {
            return size() > CAPACITY;
        }
    };

    ObjectLookup(ServerClient server) {
        this.server = server;
    }

    Facts get(String objectId) {
        if (objectId == null || objectId.isBlank()) {
            return Facts.NONE;
        }
        String id = objectId.trim();
        synchronized (cache) {
            Facts f = cache.get(id);
            if (f != null) {
                return f;
            }
        }
        Facts f = fetch(id);
        synchronized (cache) {
            cache.put(id, f);
        }
        return f;
    }

    private Facts fetch(String id) {
        try {
            // A one-cell request written out directly: TOPCAT and STILTS may run an older STIL than ours,
            // so nothing here may rely on writer options newer than STIL 4.1.
            String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\" "
                    + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE><FIELD name=\"objectId\" datatype=\"char\" "
                    + "arraysize=\"*\" ucd=\"meta.id;meta.main\"/><DATA><TABLEDATA><TR><TD>" + escape(id)
                    + "</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n";
            StarTable answer = VotableReader.read(new ByteArrayInputStream(server.match(
                    request.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1.0)), "ztfclass");
            if (answer.getRowCount() < 1) {
                return Facts.NONE;
            }
            Object[] row = answer.getRow(0);
            Map<String, Object> byName = new LinkedHashMap<>();
            for (int i = 0; i < answer.getColumnCount(); i++) {
                byName.put(answer.getColumnInfo(i).getName(), row[i]);
            }
            if (!"id".equals(byName.get("match"))) {
                return Facts.NONE;
            }
            return new Facts(number(byName.get("p_SN_IA")), number(byName.get("p_SN_II")), number(byName.get("p_OTHER")),
                    (String) byName.get("predicted_class"), (String) byName.get("url"));
        } catch (IOException | BadInputException e) {
            return Facts.NONE;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Double number(Object o) {
        return o instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : null;
    }
}
