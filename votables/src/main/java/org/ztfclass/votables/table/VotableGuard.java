package org.ztfclass.votables.table;

import java.io.ByteArrayInputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.ztfclass.votables.input.BadInputException;

/**
 * Screens a VOTable from outside (an HTTP body, a SAMP table, a file to ingest, a catalogue
 * service's answer) before STIL parses it, because STIL's parser resolves DTDs and external
 * entities and follows a {@code STREAM href} to a local file or URL. A document is refused, as a
 * {@link BadInputException} saying why, when it
 * <ul>
 * <li>has a {@code DOCTYPE} declaration (hence any entity declaration, internal or external, any
 *     parameter entity and any external DTD): "DOCTYPE and entity declarations are not accepted";</li>
 * <li>has a {@code STREAM} element (in any namespace) with an {@code href} attribute: the data
 *     must be inside the document;</li>
 * <li>is not well-formed XML (then the problem names the line and column).</li>
 * </ul>
 * The screen is a StAX pass over the bytes with the JDK's own parser, DTD support and external
 * entities off, so the screen itself reads nothing outside the bytes. It never echoes document
 * content in its messages. Stateless and thread-safe.
 */
public final class VotableGuard {

    /** The reason given for a document with a DOCTYPE. */
    public static final String DOCTYPE_REFUSED = "DOCTYPE and entity declarations are not accepted in a VOTable (remove the <!DOCTYPE ...> line)";
    /** The reason given for a STREAM with an href. */
    public static final String HREF_REFUSED = "a STREAM element with an href (data outside the document) is not accepted; "
            + "send the data inline (TABLEDATA, or BINARY/BINARY2/FITS with base64 STREAM content)";

    private static final XMLInputFactory FACTORY = factory();

    private VotableGuard() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        return f;
    }

    /**
     * @param bytes  the whole document
     * @param source name used in problems
     * @throws BadInputException if the document has a DOCTYPE, a STREAM with an href, or is not well-formed XML
     */
    public static void check(byte[] bytes, String source) throws BadInputException {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION
                        || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new BadInputException(source, where(r.getLocation()), DOCTYPE_REFUSED);
                }
                if (event == XMLStreamConstants.START_ELEMENT && "STREAM".equals(r.getLocalName())) {
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        if ("href".equals(r.getAttributeLocalName(i))) {
                            throw new BadInputException(source, where(r.getLocation()), HREF_REFUSED);
                        }
                    }
                }
            }
        } catch (XMLStreamException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("DOCTYPE") || msg.contains("referenced, but not declared")) {
                throw new BadInputException(source, where(e.getLocation()), DOCTYPE_REFUSED);
            }
            throw new BadInputException(source, where(e.getLocation()), "not a readable VOTable (malformed or truncated XML): "
                    + reason(msg), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    private static String where(Location l) {
        return l == null || l.getLineNumber() < 0 ? "document" : "line " + l.getLineNumber() + " column " + l.getColumnNumber();
    }

    /** @return the parser's message without its "ParseError at [row,col]:" prefix */
    private static String reason(String msg) {
        int i = msg.indexOf("Message: ");
        return (i >= 0 ? msg.substring(i + "Message: ".length()) : msg).strip();
    }
}
