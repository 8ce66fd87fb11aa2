package org.herald.presence.xml;

import java.util.Objects;

/**
 * An element Herald does not model (RPID activities, a data-model person or device, capabilities,
 * a geopriv location), kept as its serialized XML so it survives composition and re-serialization
 * unchanged. The XML is self-contained: every namespace prefix it uses that was declared outside it
 * is declared on its root element, so it can be written into any document verbatim. See
 * {@link FragmentCapture} for what "unchanged" allows.
 *
 * @param namespace the root element's namespace URI, {@code ""} for none
 * @param localName the root element's local name
 * @param id        the root element's unqualified {@code id} attribute (RFC 4479 person and device
 *                  elements have one), or null; lets a composer match elements without re-parsing
 * @param xml       the element, start tag to end tag
 */
public record XmlFragment(String namespace, String localName, String id, String xml) {

    public XmlFragment {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(xml, "xml");
    }

    /** True if the root element is {@code {namespace}localName}. */
    public boolean is(String ns, String local) {
        return namespace.equals(ns) && localName.equals(local);
    }
}
