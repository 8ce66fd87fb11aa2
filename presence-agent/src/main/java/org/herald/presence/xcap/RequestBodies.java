package org.herald.presence.xcap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import org.herald.presence.xcap.XcapConflict.Condition;
import org.herald.presence.xml.SafeDom;
import org.herald.presence.xml.SafeXml;
import org.herald.presence.xml.XmlLimits;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the three kinds of PUT body (RFC 4825 §8.2): a whole document, an element (an XML fragment
 * body whose prefixes may be bound at the point of insertion) and an attribute value. Every body must
 * be UTF-8 ({@code not-utf-8}); XML goes through {@link SafeDom}, so a DTD or a passed limit is
 * refused like any other malformed body.
 */
final class RequestBodies {
    private static final Pattern DECLARATION = Pattern.compile("^<\\?xml\\s[^>]*?\\?>");
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final String WRAPPER_NS = "urn:x-herald:xcap-fragment";

    private RequestBodies() {}

    /** A whole document: {@code not-utf-8} or {@code not-well-formed} when it is not one. */
    static Document document(byte[] body, XmlLimits limits) {
        String text = utf8(body);
        declaration(text);
        try {
            return SafeDom.parse(body, limits);
        } catch (XMLStreamException e) {
            throw XcapException.conflict(Condition.NOT_WELL_FORMED, SafeXml.describe(e));
        }
    }

    /**
     * One element, parsed with the namespace bindings in scope at {@code context} (the parent it goes
     * into) and imported into its document: {@code not-xml-frag} unless the body is exactly one
     * well-formed element, whitespace around it aside.
     */
    static Element fragment(byte[] body, Node context, XmlLimits limits) {
        String text = utf8(body);
        Matcher declared = DECLARATION.matcher(text);
        if (declared.find()) {
            declaration(text);
            text = text.substring(declared.end());
        }
        Map<String, String> bindings = Namespaces.inScope(context);
        String wrapper = freshPrefix(bindings);
        StringBuilder xml = new StringBuilder("<").append(wrapper).append(":w xmlns:").append(wrapper).append("=\"")
                .append(WRAPPER_NS).append('"');
        bindings.forEach((prefix, ns) -> xml.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"")
                .append(DomWriter.escapeAttribute(ns)).append('"'));
        xml.append('>').append(text).append("</").append(wrapper).append(":w>");
        byte[] wrapped = xml.toString().getBytes(StandardCharsets.UTF_8);
        Document parsed;
        try {
            parsed = SafeDom.parse(wrapped, limits.withMaxBytes(Math.max(limits.maxBytes(), wrapped.length))
                    .withMaxDepth(limits.maxDepth() + 1));
        } catch (XMLStreamException e) {
            throw XcapException.conflict(Condition.NOT_XML_FRAG, SafeXml.describe(e).replace(wrapper + ":w", "(fragment end)"));
        }
        Element only = null;
        for (Node n = parsed.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    if (only != null) throw XcapException.conflict(Condition.NOT_XML_FRAG, "the body has more than one element");
                    only = (Element) n;
                }
                case Node.TEXT_NODE -> {
                    if (!n.getNodeValue().isBlank()) throw XcapException.conflict(Condition.NOT_XML_FRAG, "text outside the element");
                }
                default -> throw XcapException.conflict(Condition.NOT_XML_FRAG, "the body must be one element only");
            }
        }
        if (only == null) throw XcapException.conflict(Condition.NOT_XML_FRAG, "the body has no element");
        Document target = context.getNodeType() == Node.DOCUMENT_NODE ? (Document) context : context.getOwnerDocument();
        return (Element) target.importNode(only, true);
    }

    /** An attribute value: {@code not-utf-8} or {@code not-xml-att-value}. */
    static String attribute(byte[] body) {
        return AttributeValues.parse(utf8(body));
    }

    /** The body as UTF-8 text (a UTF-8 byte order mark allowed); {@code not-utf-8} otherwise. */
    static String utf8(byte[] body) {
        int n = body.length;
        if (n >= 2 && ((body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF || (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE)) {
            throw XcapException.conflict(Condition.NOT_UTF_8, "the body is UTF-16");
        }
        int skip = n >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = skip; i < n; i++) {
            if (body[i] == 0) throw XcapException.conflict(Condition.NOT_UTF_8, "the body has NUL bytes: UTF-16 or UTF-32 is not UTF-8");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body, skip, n - skip)).toString();
        } catch (CharacterCodingException e) {
            throw XcapException.conflict(Condition.NOT_UTF_8, "the body is not valid UTF-8");
        }
    }

    /** An XML declaration may only name UTF-8. */
    private static void declaration(String text) {
        Matcher declared = DECLARATION.matcher(text);
        if (!declared.find()) return;
        Matcher encoding = ENCODING.matcher(declared.group());
        if (encoding.find() && !encoding.group(1).toUpperCase(Locale.ROOT).replace("_", "-").matches("UTF-?8")) {
            throw XcapException.conflict(Condition.NOT_UTF_8, "the document declares " + encoding.group(1) + "; XCAP documents are UTF-8");
        }
    }

    private static String freshPrefix(Map<String, String> taken) {
        String prefix = "hx";
        for (int i = 0; taken.containsKey(prefix) || prefix.equalsIgnoreCase(XMLConstants.XML_NS_PREFIX); i++) prefix = "hx" + i;
        return prefix;
    }
}
