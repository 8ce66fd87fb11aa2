package org.herald.presence.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class SafeXmlTest {

    private static void readAll(String xml, XmlLimits limits) throws XMLStreamException {
        XMLStreamReader r = SafeXml.open(xml.getBytes(StandardCharsets.UTF_8), limits);
        while (r.hasNext()) r.next();
    }

    private static String refusal(String xml, XmlLimits limits) {
        XMLStreamException e = assertThrows(XMLStreamException.class, () -> readAll(xml, limits));
        return SafeXml.describe(e);
    }

    @Test
    void anyDoctypeIsRefusedEvenAHarmlessOne() {
        assertEquals("DTDs are not allowed", refusal("<!DOCTYPE r><r/>", XmlLimits.DEFAULT));
        assertEquals("DTDs are not allowed",
                refusal("<?xml version=\"1.0\"?><!-- c --><!DOCTYPE r [<!ELEMENT r EMPTY>]><r/>", XmlLimits.DEFAULT));
    }

    @Test
    void limitsAreCountedWhateverWayTheCallerReads() throws Exception {
        XmlLimits two = XmlLimits.DEFAULT.withMaxDepth(2);
        XMLStreamReader r = SafeXml.open("<a><b><c/></b></a>".getBytes(StandardCharsets.UTF_8), two);
        assertEquals(XMLStreamConstants.START_ELEMENT, r.nextTag());
        assertEquals(XMLStreamConstants.START_ELEMENT, r.nextTag());
        XmlRejectedException e = assertThrows(XmlRejectedException.class, r::nextTag);
        assertEquals("elements nest deeper than the limit of 2", e.getMessage());
        XMLStreamReader text = SafeXml.open("<a><b/></a>".getBytes(StandardCharsets.UTF_8),
                XmlLimits.DEFAULT.withMaxElements(1));
        text.nextTag();
        assertEquals("more than 1 elements", assertThrows(XmlRejectedException.class, text::getElementText).getMessage());
    }

    @Test
    void sizeIsCheckedBeforeParsing() {
        assertEquals("document of 12 bytes exceeds the limit of 10",
                refusal("<a>1234</a> ", XmlLimits.DEFAULT.withMaxBytes(10)));
    }

    @Test
    void parseErrorsAreDescribedOnOneLine() {
        String message = refusal("<a>\n<b></a>", XmlLimits.DEFAULT);
        assertTrue(message.startsWith("not well-formed XML at line 2, column"), message);
        assertTrue(!message.contains("\n"), message);
        String unbound = refusal("<a><q:x/></a>", XmlLimits.DEFAULT);
        assertTrue(unbound.contains("namespace error ElementPrefixUnbound"), unbound);
    }

    @Test
    void decodesTheEncodingsPresenceClientsUse() throws Exception {
        String text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\u00e9</a>";
        assertEquals("caf\u00e9", elementText(text.getBytes(StandardCharsets.ISO_8859_1)));
        byte[] bom = "\uFEFF<a>caf\u00e9</a>".getBytes(StandardCharsets.UTF_8);
        assertEquals("caf\u00e9", elementText(bom));
        assertEquals("caf\u00e9", elementText("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>caf\u00e9</a>"
                .getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void malformedBytesAndUnknownEncodingsAreRefused() {
        assertEquals("the document is not valid UTF-8", refusal(new byte[] {'<', 'a', '>', (byte) 0xC3, '<', '/', 'a', '>'}));
        assertEquals("the document is not valid US-ASCII",
                refusal("<?xml version='1.0' encoding='us-ascii'?><a>\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("unsupported encoding EBCDIC-?XX",
                refusal("<?xml version='1.0' encoding='EBCDIC-\"XX'?><a/>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("the document declares UTF-16 but is not",
                refusal("<?xml version='1.0' encoding='UTF-16'?><a/>".getBytes(StandardCharsets.US_ASCII)));
    }

    private static String elementText(byte[] document) throws XMLStreamException {
        XMLStreamReader r = SafeXml.open(document, XmlLimits.DEFAULT);
        r.nextTag();
        return r.getElementText();
    }

    private static String refusal(byte[] document) {
        return SafeXml.describe(assertThrows(XMLStreamException.class, () -> {
            XMLStreamReader r = SafeXml.open(document, XmlLimits.DEFAULT);
            while (r.hasNext()) r.next();
        }));
    }
}
