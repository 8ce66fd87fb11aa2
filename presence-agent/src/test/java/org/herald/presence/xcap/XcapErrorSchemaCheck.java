package org.herald.presence.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.herald.presence.xml.SafeDom;
import org.herald.presence.xml.XmlLimits;

/** Error and capability documents must be valid for the RFC 4825 schemas. */
final class XcapErrorSchemaCheck {
    private XcapErrorSchemaCheck() {}

    static void assertValid(byte[] errorDocument) {
        assertValid("xcap-error.xsd", errorDocument);
    }

    static void assertValid(String schema, byte[] document) {
        try {
            assertEquals(Optional.empty(), Schemas.validate(schema, SafeDom.parse(document, XmlLimits.DEFAULT)),
                    new String(document, java.nio.charset.StandardCharsets.UTF_8));
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new AssertionError(e);
        }
    }
}
