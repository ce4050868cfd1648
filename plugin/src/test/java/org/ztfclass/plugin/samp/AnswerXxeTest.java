package org.ztfclass.plugin.samp;

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

/**
 * The bridge reads what a server answers with the same guarded reader as the server (issue 13,
 * finding 1): an answer with an entity, an external DTD or a STREAM href is refused on the
 * desktop too, and nothing it names is opened.
 */
class AnswerXxeTest {

    @Test
    void aHostileAnswerOpensNothingOnTheDesktop() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        evil.start();
        try {
            String url = "http://127.0.0.1:" + evil.getAddress().getPort() + "/evil.dtd";
            String body = "<VOTABLE version=\"1.4\"><RESOURCE><TABLE><FIELD name=\"ztf_objectId\" datatype=\"char\" arraysize=\"*\"/>";
            String[] answers = {
                "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + body
                        + "<DATA><TABLEDATA><TR><TD>&x;</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>",
                "<?xml version=\"1.0\"?><!DOCTYPE VOTABLE SYSTEM \"" + url + "\">" + body + "</TABLE></RESOURCE></VOTABLE>",
                "<?xml version=\"1.0\"?>" + body + "<DATA><BINARY><STREAM href=\"" + url + "\"/></BINARY></DATA></TABLE></RESOURCE></VOTABLE>",
            };
            for (String a : answers) {
                BadInputException e = assertThrows(BadInputException.class, () -> LabelTable.answer(a.getBytes(StandardCharsets.UTF_8)));
                assertFalse(e.getMessage().contains("root:"), e.getMessage());
                assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().contains("STREAM"), e.getMessage());
            }
            assertEquals(0, hits.get());
        } finally {
            evil.stop(0);
        }
    }
}
