package org.herald.presence.filter;

import javax.xml.stream.XMLStreamException;
import net.sf.saxon.s9api.XdmNode;
import org.herald.presence.xml.SafeDom;
import org.herald.presence.xml.XmlLimits;
import org.w3c.dom.Document;

/**
 * A watcher's view of a document (after privacy rules), parsed once for every filter of its
 * subscription: the DOM and Saxon's wrapper of it. Private to one subscription: a DOM is not safe
 * for concurrent readers.
 */
public record Snapshot(Document dom, XdmNode xdm) {

    public static Snapshot of(byte[] body, XmlLimits limits) {
        try {
            Document doc = SafeDom.parse(body, limits);
            return new Snapshot(doc, XPaths.wrap(doc));
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("a body Herald wrote does not parse: " + e.getMessage(), e);
        }
    }
}
