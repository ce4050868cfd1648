package org.ztfclass.votables.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.ResourceType;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * Writes VOTable 1.4 documents the way VO clients expect a service answer: one RESOURCE of
 * type {@code results} holding an {@code INFO name="QUERY_STATUS"} (DALI) and the table in
 * TABLEDATA, written by STIL. Errors are a RESOURCE with {@code QUERY_STATUS=ERROR} and the
 * message. Thread-safe: every call makes its own STIL writer.
 */
public final class VotableWriter {

    /** MIME type of the documents written. */
    public static final String MIME_TYPE = "application/x-votable+xml";

    private VotableWriter() {
    }

    /**
     * Writes {@code table} with {@code QUERY_STATUS=OK}.
     *
     * @param extraInfos further INFO elements (name → value) to put beside QUERY_STATUS, may be empty
     */
    public static void write(StarTable table, OutputStream out, Map<String, String> extraInfos) throws IOException {
        Map<String, String> infos = new LinkedHashMap<>();
        infos.put("QUERY_STATUS", "OK");
        infos.putAll(extraInfos);
        VOTableWriter writer = new VOTableWriter(DataFormat.TABLEDATA, true, VOTableVersion.V14) {
            @Override
            public void writePreTableXML(BufferedWriter w) throws IOException {
                super.writePreTableXML(w); // XML declaration, VOTABLE and RESOURCE start tags
                for (Map.Entry<String, String> e : infos.entrySet()) {
                    w.write("<INFO name=\"" + escape(e.getKey()) + "\" value=\"" + escape(e.getValue()) + "\"/>");
                    w.newLine();
                }
            }
        };
        writer.setWriteDate(false);
        writer.setResourceType(ResourceType.RESULTS);
        writer.writeStarTable(table, out);
    }

    /** Writes {@code table} with {@code QUERY_STATUS=OK} and no other INFO. */
    public static void write(StarTable table, OutputStream out) throws IOException {
        write(table, out, Map.of());
    }

    /** Writes a VOTable 1.4 error document: {@code QUERY_STATUS=ERROR} with {@code message} as its content. */
    public static void writeError(String message, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n");
        w.write("<RESOURCE type=\"results\">\n");
        w.write("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">" + escape(message) + "</INFO>\n");
        w.write("</RESOURCE>\n</VOTABLE>\n");
        w.flush();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
