package org.ztfclass.server.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import org.ztfclass.votables.table.VotableWriter;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.ResourceType;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * Writes a TAP answer as VOTable 1.4 (TABLEDATA, written by STIL): one RESOURCE of type
 * {@code results} with {@code QUERY_STATUS=OK} and the query before the table, and, when MAXREC
 * cut the rows, {@code QUERY_STATUS=OVERFLOW} after it (DALI 1.1 §5.5). Errors are
 * {@link VotableWriter#writeError}'s document. Thread-safe.
 */
final class TapVotable {

    private TapVotable() {
    }

    static void write(TapResult result, String query, OutputStream out) throws IOException {
        VOTableWriter writer = new VOTableWriter(DataFormat.TABLEDATA, true, VOTableVersion.V14) {
            @Override
            public void writePreTableXML(BufferedWriter w) throws IOException {
                super.writePreTableXML(w);
                w.write("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>");
                w.newLine();
                w.write("<INFO name=\"QUERY\" value=\"" + escape(query) + "\"/>");
                w.newLine();
            }

            @Override
            public void writePostTableXML(BufferedWriter w) throws IOException {
                if (result.overflow()) {
                    w.write("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>");
                    w.newLine();
                }
                super.writePostTableXML(w);
            }
        };
        writer.setWriteDate(false);
        writer.setResourceType(ResourceType.RESULTS);
        writer.writeStarTable(result.table("result"), out);
    }

    static void writeError(String message, OutputStream out) throws IOException {
        VotableWriter.writeError(message, out);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.toString();
    }
}
