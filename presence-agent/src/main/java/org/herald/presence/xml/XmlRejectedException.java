package org.herald.presence.xml;

import javax.xml.stream.XMLStreamException;

/**
 * A document {@link SafeXml} refuses: a DTD, an entity reference, or a limit passed. It is an
 * {@link XMLStreamException} so callers handle it with every other parse failure, but its message is
 * one plain line fit for a Warning header.
 */
public final class XmlRejectedException extends XMLStreamException {

    public XmlRejectedException(String message) {
        super(message);
    }
}
