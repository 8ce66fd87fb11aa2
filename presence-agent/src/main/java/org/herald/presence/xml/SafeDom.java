package org.herald.presence.xml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Attr;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.UserDataHandler;

/**
 * A namespace-aware DOM of an untrusted document, for callers that edit documents in place (XCAP).
 * No DOM parser ever sees the bytes: the tree is built from the events of {@link SafeXml}'s reader,
 * so the DTD refusal, the strict decoding and every {@link XmlLimits} apply exactly as they do to
 * PUBLISH bodies. Namespace declarations are kept as {@code xmlns} attributes and every element and
 * attribute keeps the prefix it was written with, so writing the tree back gives the same names;
 * comments and processing instructions are kept, whitespace between elements too (as text nodes).
 * The DOM keeps attributes sorted by name, so the order they were written in is kept beside each
 * element (it survives {@code importNode} and {@code cloneNode}) and {@link #attributes} gives it back.
 */
public final class SafeDom {
    private static final DOMImplementation DOM = domImplementation();
    private static final String ORDER = "org.herald.attribute-order";
    private static final UserDataHandler KEEP_ORDER = (operation, key, data, src, dst) -> {
        if (dst != null && (operation == UserDataHandler.NODE_IMPORTED || operation == UserDataHandler.NODE_CLONED)) {
            dst.setUserData(key, data, SafeDom.KEEP_ORDER);
        }
    };

    private SafeDom() {}

    /** A new document with nothing in it, to build one. */
    public static Document emptyDocument() {
        return DOM.createDocument(null, null, null);
    }

    /** Parses the document; throws on malformed XML, a DTD, an entity reference or a passed limit. */
    public static Document parse(byte[] document, XmlLimits limits) throws XMLStreamException {
        XMLStreamReader reader = SafeXml.open(document, limits);
        try {
            Document doc = DOM.createDocument(null, null, null);
            Node parent = doc;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Element element = element(doc, reader);
                        parent.appendChild(element);
                        parent = element;
                    }
                    case XMLStreamConstants.END_ELEMENT -> parent = parent.getParentNode();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (parent != doc) parent.appendChild(doc.createTextNode(reader.getText()));
                    }
                    case XMLStreamConstants.COMMENT -> parent.appendChild(doc.createComment(reader.getText()));
                    case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                            parent.appendChild(doc.createProcessingInstruction(reader.getPITarget(),
                                    reader.getPIData() == null ? "" : reader.getPIData()));
                    default -> { }
                }
            }
            if (doc.getDocumentElement() == null) throw new XMLStreamException("the document has no root element");
            return doc;
        } finally {
            reader.close();
        }
    }

    /**
     * The element's attributes (namespace declarations included) in the order they were written,
     * then any added since, in the DOM's order.
     */
    public static List<Attr> attributes(Element element) {
        NamedNodeMap map = element.getAttributes();
        List<Attr> out = new ArrayList<>(map.getLength());
        if (element.getUserData(ORDER) instanceof List<?> names) {
            for (Object name : names) {
                Attr a = element.getAttributeNode((String) name);
                if (a != null) out.add(a);
            }
        }
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (!out.contains(a)) out.add(a);
        }
        return out;
    }

    private static Element element(Document doc, XMLStreamReader reader) {
        Element element = doc.createElementNS(emptyToNull(reader.getNamespaceURI()),
                qualified(reader.getPrefix(), reader.getLocalName()));
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            String uri = reader.getNamespaceURI(i) == null ? "" : reader.getNamespaceURI(i);
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
                    prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri);
        }
        List<String> order = new ArrayList<>(reader.getNamespaceCount() + reader.getAttributeCount());
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            order.add(prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix);
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
            element.setAttributeNS(emptyToNull(reader.getAttributeNamespace(i)), name, reader.getAttributeValue(i));
            order.add(name);
        }
        if (order.size() > 1) element.setUserData(ORDER, List.copyOf(order), KEEP_ORDER);
        return element;
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static DOMImplementation domImplementation() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
