package org.ztfclass.votables.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.input.BadInputException;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;

/**
 * The XML external entity attacks of the security review (issue 13, finding 1), at the reader
 * every outside VOTable goes through: a DOCTYPE with a file entity, an external DTD, a parameter
 * entity, and a STREAM href to a local file or URL are all refused, nothing outside the bytes is
 * read, and no message carries file content. A loopback HTTP server counts what the parser fetches.
 */
class XxeAttackTest {

    private HttpServer evil;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void startEvilServer() throws Exception {
        evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] body = "<!ENTITY % q SYSTEM \"file:///etc/passwd\"><!ENTITY x \"pwned\">".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        evil.start();
    }

    @AfterEach
    void stopEvilServer() {
        evil.stop(0);
    }

    private String evilUrl(String path) {
        return "http://127.0.0.1:" + evil.getAddress().getPort() + path;
    }

    static String table(String doctype, String cell) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
                + "<RESOURCE><TABLE>\n<FIELD name=\"objectId\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\"/>\n"
                + "<DATA><TABLEDATA><TR><TD>" + cell + "</TD></TR></TABLEDATA></DATA>\n</TABLE></RESOURCE></VOTABLE>\n";
    }

    static String streamHref(String serialisation, String href) {
        return "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
                + "<RESOURCE><TABLE>\n<FIELD name=\"objectId\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\"/>\n"
                + "<DATA><" + serialisation + "><STREAM href=\"" + href + "\"/></" + serialisation + "></DATA>\n</TABLE></RESOURCE></VOTABLE>\n";
    }

    private static BadInputException refused(byte[] doc) {
        BadInputException e = assertThrows(BadInputException.class, () -> VotableReader.read(new ByteArrayInputStream(doc), "request body"));
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
        return e;
    }

    private static BadInputException refused(String doc) {
        return refused(doc.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileEntityIsRefused() {
        BadInputException e = refused(table("<!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void anExternalDtdIsNeverFetched() {
        BadInputException e = refused(table("<!DOCTYPE VOTABLE SYSTEM \"" + evilUrl("/evil.dtd") + "\">", "ZTF20aaelulu"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertEquals(0, hits.get(), "the reader fetched the external DTD");
    }

    @Test
    void parameterEntitiesAreNeverFetched() {
        BadInputException e = refused(table("<!DOCTYPE VOTABLE [<!ENTITY % p SYSTEM \"" + evilUrl("/evil.dtd") + "\"> %p;]>", "&x;"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertEquals(0, hits.get(), "the reader fetched the parameter entity");
    }

    @Test
    void anInternalEntityAndAUtf16DoctypeAreRefusedToo() {
        refused(table("<!DOCTYPE VOTABLE [<!ENTITY x \"harmless\">]>", "&x;"));
        String utf16 = table("<!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;").replace("version=\"1.0\"?>",
                "version=\"1.0\" encoding=\"UTF-16\"?>");
        BadInputException e = refused(utf16.getBytes(StandardCharsets.UTF_16));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        BadInputException undeclared = refused(table("", "&x;"));
        assertFalse(undeclared.getMessage().contains("root:"), undeclared.getMessage());
    }

    @Test
    void aStreamHrefToAFileOrUrlIsRefusedInEverySerialisation() {
        for (String ser : new String[] {"BINARY", "BINARY2", "FITS"}) {
            for (String href : new String[] {"file:///etc/passwd", evilUrl("/data.bin"), "/etc/passwd"}) {
                BadInputException e = refused(streamHref(ser, href));
                assertTrue(e.getMessage().contains("STREAM"), ser + " " + href + ": " + e.getMessage());
            }
        }
        assertEquals(0, hits.get(), "the reader fetched a STREAM href");
    }

    @Test
    void ordinaryTablesStillRead() throws Exception {
        StarTable t = VotableReader.read(new ByteArrayInputStream(table("", "a &amp; b &lt;c&gt; &#65;").getBytes(StandardCharsets.UTF_8)), "t");
        assertEquals("a & b <c> A", t.getCell(0, 0));
        ColumnInfo id = new ColumnInfo("objectId", String.class, null);
        RowListStarTable rows = new RowListStarTable(new ColumnInfo[] {id});
        rows.addRow(new Object[] {"ZTF20aaelulu"});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VotableWriter.write(rows, out);
        assertEquals("ZTF20aaelulu", VotableReader.read(new ByteArrayInputStream(out.toByteArray()), "ours").getCell(0, 0));
        for (uk.ac.starlink.votable.DataFormat f : new uk.ac.starlink.votable.DataFormat[] {uk.ac.starlink.votable.DataFormat.BINARY,
                uk.ac.starlink.votable.DataFormat.BINARY2, uk.ac.starlink.votable.DataFormat.FITS}) {
            ByteArrayOutputStream inline = new ByteArrayOutputStream();
            new uk.ac.starlink.votable.VOTableWriter(f, true).writeStarTable(rows, inline);
            assertEquals("ZTF20aaelulu", VotableReader.read(new ByteArrayInputStream(inline.toByteArray()), f.toString()).getCell(0, 0), f.toString());
        }
    }
}
