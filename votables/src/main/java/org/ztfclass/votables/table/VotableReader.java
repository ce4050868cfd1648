package org.ztfclass.votables.table;

import java.io.IOException;
import java.io.InputStream;
import org.xml.sax.SAXParseException;
import org.ztfclass.votables.input.BadInputException;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.util.ByteArrayDataSource;
import uk.ac.starlink.votable.VOTableBuilder;

/**
 * Reads the first table of a VOTable document (any version, any serialisation STIL reads:
 * TABLEDATA, BINARY, BINARY2, FITS) into memory. Malformed XML, a document that is not a
 * VOTable, or a VOTable without a table is a {@link BadInputException} naming the line and
 * column where the parser stopped, when it knows them. A document with a DOCTYPE (entities, an
 * external DTD) or a {@code STREAM href} is refused before STIL sees it ({@link VotableGuard}), so
 * reading never opens a file or URL named by the document. Thread-safe.
 */
public final class VotableReader {

    private VotableReader() {
    }

    /**
     * @param in     the document; read to the end, not closed
     * @param source name used in problems
     * @return a random-access table held in memory
     */
    public static StarTable read(InputStream in, String source) throws IOException, BadInputException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            throw new BadInputException(source, "document", "empty body, expected a VOTable");
        }
        VotableGuard.check(bytes, source);
        try {
            StarTable table = new VOTableBuilder().makeStarTable(new ByteArrayDataSource(source, bytes), true,
                    StoragePolicy.PREFER_MEMORY);
            if (table == null) {
                throw new BadInputException(source, "document", "the VOTable holds no TABLE");
            }
            return StoragePolicy.PREFER_MEMORY.randomTable(table);
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(source, location(e), "not a readable VOTable: " + message(e), e);
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

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SAXParseException p) {
                return p.getMessage();
            }
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
