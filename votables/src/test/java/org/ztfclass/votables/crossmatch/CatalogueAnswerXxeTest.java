package org.ztfclass.votables.crossmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.input.BadInputException;

/** A catalogue service's answer is outside input too: no entity, external DTD or STREAM href is followed (issue 13, finding 1). */
class CatalogueAnswerXxeTest {

    private static final String FIELDS = "<FIELD name=\"Source\" datatype=\"long\"/><FIELD name=\"RA_ICRS\" datatype=\"double\"/>"
            + "<FIELD name=\"DE_ICRS\" datatype=\"double\"/>";

    @Test
    void entitiesDtdsAndHrefsInAnAnswerAreRefused() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        evil.start();
        try {
            String dtd = "http://127.0.0.1:" + evil.getAddress().getPort() + "/evil.dtd";
            String[] answers = {
                "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><VOTABLE><RESOURCE><TABLE>" + FIELDS
                        + "<DATA><TABLEDATA><TR><TD>&x;</TD><TD>1</TD><TD>2</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>",
                "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE SYSTEM \"" + dtd + "\"><VOTABLE><RESOURCE><TABLE>" + FIELDS
                        + "<DATA><TABLEDATA><TR><TD>1</TD><TD>1</TD><TD>2</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>",
                "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY % p SYSTEM \"" + dtd + "\"> %p;]><VOTABLE><RESOURCE><TABLE>" + FIELDS
                        + "</TABLE></RESOURCE></VOTABLE>",
                "<?xml version=\"1.0\"?><VOTABLE><RESOURCE><TABLE>" + FIELDS + "<DATA><BINARY><STREAM href=\"" + dtd
                        + "\"/></BINARY></DATA></TABLE></RESOURCE></VOTABLE>",
            };
            for (String a : answers) {
                BadInputException e = assertThrows(BadInputException.class, () -> CatalogueAnswerReader.read(a.getBytes(StandardCharsets.UTF_8),
                        "VizieR I/355/gaiadr3", Catalogues.byKey("gaia_dr3"), 1, 2));
                assertFalse(e.getMessage().contains("root:"), e.getMessage());
                assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().contains("STREAM"), e.getMessage());
            }
            assertEquals(0, hits.get(), "the reader fetched something named by the answer");
        } finally {
            evil.stop(0);
        }
    }
}
