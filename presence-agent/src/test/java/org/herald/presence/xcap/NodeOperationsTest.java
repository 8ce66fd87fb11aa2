package org.herald.presence.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.herald.presence.xml.XmlLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * RFC 4825 §8.2.3's insertion example (vectors/rfc4825/insertion.xml): where a PUT puts a new
 * element, which PUTs fail the "GET returns what was PUT" rule, and that DELETE of the same URI
 * gives the document back; then attributes and DELETE's idempotency rule.
 */
class NodeOperationsTest {
    private static final String ORIGINAL = write(Vectors.dom("rfc4825/insertion.xml"));

    private static String write(Document doc) {
        return new String(DomWriter.document(doc), StandardCharsets.UTF_8);
    }

    private static NodeOperations on(Document doc, String selector) {
        return new NodeOperations(doc, NodeSelector.parse(selector, Map.of(), ""), k -> "ancestor-" + k);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> insertions() {
        String afterSecondEl1 = ORIGINAL.replace("<el1 att=\"second\"/>", "<el1 att=\"second\"/><el1 att=\"third\"/>");
        return Stream.of(
                Arguments.of("root/el1[@att=\"third\"]", "<el1 att=\"third\"/>", afterSecondEl1),
                Arguments.of("root/el1[3][@att=\"third\"]", "<el1 att=\"third\"/>", afterSecondEl1),
                Arguments.of("root/*[3][@att=\"third\"]", "<el1 att=\"third\"/>", afterSecondEl1),
                Arguments.of("root/el3", "<el3 att=\"first\"/>", ORIGINAL.replace("\n</root>", "\n<el3 att=\"first\"/></root>")),
                Arguments.of("root/el2[@att=\"2\"]", "<el2 att=\"2\"/>",
                        ORIGINAL.replace("<el2 att=\"first\"/>", "<el2 att=\"first\"/><el2 att=\"2\"/>")),
                Arguments.of("root/el2[2][@att=\"2\"]", "<el2 att=\"2\"/>",
                        ORIGINAL.replace("<el2 att=\"first\"/>", "<el2 att=\"first\"/><el2 att=\"2\"/>")),
                Arguments.of("root/*[2][@att=\"2\"]", "<el2 att=\"2\"/>",
                        ORIGINAL.replace("<el1 att=\"first\"/>", "<el1 att=\"first\"/><el2 att=\"2\"/>")),
                Arguments.of("root/el2[1][@att=\"2\"]", "<el2 att=\"2\"/>",
                        ORIGINAL.replace("<el2 att=\"first\"/>", "<el2 att=\"2\"/><el2 att=\"first\"/>")),
                Arguments.of("root/*[@att=\"2\"]", "<el1 att=\"2\"/>",
                        ORIGINAL.replace("<el1 att=\"second\"/>", "<el1 att=\"second\"/><el1 att=\"2\"/>")),
                Arguments.of("root/*[@att=\"2\"]", "<el3 att=\"2\"/>", ORIGINAL.replace("\n</root>", "\n<el3 att=\"2\"/></root>")));
    }

    @ParameterizedTest(name = "PUT {1} at {0}")
    @MethodSource("insertions")
    void insertsWhereTheRfcSaysAndDeleteUndoesIt(String selector, String element, String expected) {
        Document doc = Vectors.dom("rfc4825/insertion.xml");
        assertTrue(on(doc, selector).putElement(utf8(element), XmlLimits.DEFAULT), "created");
        assertEquals(expected, write(doc));
        assertEquals(element, new String(on(doc, selector).get().body(), StandardCharsets.UTF_8), "GET(PUT(x)) = x");
        on(doc, selector).deleteElement();
        assertEquals(ORIGINAL, write(doc));
    }

    static Stream<Arguments> refusedInsertions() {
        return Stream.of(
                Arguments.of("root/el1[4][@att=\"third\"]", "<el1 att=\"third\"/>"),
                Arguments.of("root/*[0][@att=\"third\"]", "<el1 att=\"third\"/>"),
                Arguments.of("root/el1[@att=\"third\"]", "<el1 att=\"fourth\"/>"),
                Arguments.of("root/el1[3][@att=\"third\"]", "<el1 att=\"fourth\"/>"),
                Arguments.of("root/*[3][@att=\"third\"]", "<el1 att=\"fourth\"/>"),
                Arguments.of("root/el1[@att=\"first\"]", "<el1 att=\"third\"/>"),
                Arguments.of("root/el1[1][@att=\"first\"]", "<el1 att=\"third\"/>"),
                Arguments.of("root/el3", "<el4/>"),
                Arguments.of("root/el1", "<el1 att=\"third\"/>"),
                Arguments.of("other", "<other/>"));
    }

    @ParameterizedTest(name = "PUT {1} at {0}")
    @MethodSource("refusedInsertions")
    void refusesWhatAGetWouldNotReturn(String selector, String element) {
        Document doc = Vectors.dom("rfc4825/insertion.xml");
        XcapException e = assertThrows(XcapException.class, () -> on(doc, selector).putElement(utf8(element), XmlLimits.DEFAULT));
        assertEquals(409, e.response().status());
        assertTrue(e.response().bodyText().contains("<cannot-insert"), e.response().bodyText());
    }

    @Test
    void replacesBySelectorThatStillSelects() {
        for (String selector : new String[] {"root/el1[1]", "root/*[1]"}) {
            Document doc = Vectors.dom("rfc4825/insertion.xml");
            assertFalse(on(doc, selector).putElement(utf8("<el1 att=\"third\"/>"), XmlLimits.DEFAULT), "replaced");
            assertEquals(ORIGINAL.replace("<el1 att=\"first\"/>", "<el1 att=\"third\"/>"), write(doc));
        }
    }

    @Test
    void noParentNamesTheClosestAncestorThatExists() {
        Document doc = Vectors.dom("rfc4825/insertion.xml");
        XcapException e = assertThrows(XcapException.class,
                () -> on(doc, "root/el9/el1/x").putElement(utf8("<x/>"), XmlLimits.DEFAULT));
        assertTrue(e.response().bodyText().contains("<no-parent"), e.response().bodyText());
        assertTrue(e.response().bodyText().contains("<ancestor>ancestor-1</ancestor>"), e.response().bodyText());
        XcapException attribute = assertThrows(XcapException.class, () -> on(doc, "root/el9/@a").putAttribute(utf8("v")));
        assertTrue(attribute.response().bodyText().contains("<ancestor>ancestor-1</ancestor>"));
    }

    @Test
    void deleteThatWouldSelectAnotherElementIsRefused() {
        Document doc = Vectors.dom("rfc4825/insertion.xml");
        XcapException e = assertThrows(XcapException.class, () -> on(doc, "root/el1[1]").deleteElement());
        assertTrue(e.response().bodyText().contains("<cannot-delete"));
        Document again = Vectors.dom("rfc4825/insertion.xml");
        on(again, "root/el2[1]").deleteElement(); // the last of its name: nothing else moves up
        assertEquals(ORIGINAL.replace("<el2 att=\"first\"/>", ""), write(again));
        XcapException missing = assertThrows(XcapException.class, () -> on(again, "root/el2").deleteElement());
        assertEquals(404, missing.response().status());
        XcapException root = assertThrows(XcapException.class, () -> on(again, "root").deleteElement());
        assertTrue(root.response().bodyText().contains("<cannot-delete"));
    }

    @Test
    void attributesAreCreatedReplacedReadAndDeleted() {
        Document doc = Vectors.dom("rfc4825/insertion.xml");
        assertTrue(on(doc, "root/el2/@new").putAttribute(utf8("a &amp; b &lt; &quot;c&quot;")));
        assertEquals("a &amp; b &lt; &quot;c&quot;", new String(on(doc, "root/el2/@new").get().body(), StandardCharsets.UTF_8));
        assertTrue(write(doc).contains("<el2 att=\"first\" new=\"a &amp; b &lt; &quot;c&quot;\"/>"), write(doc));
        assertFalse(on(doc, "root/el2/@new").putAttribute(utf8("d")));
        Document other = Vectors.dom("rfc4825/insertion.xml");
        XcapException changesSelection = assertThrows(XcapException.class,
                () -> on(other, "root/el2[@att=\"first\"]/@att").putAttribute(utf8("other")));
        assertTrue(changesSelection.response().bodyText().contains("<cannot-insert"));
        XcapException badValue = assertThrows(XcapException.class, () -> on(doc, "root/el2/@x").putAttribute(utf8("a<b")));
        assertTrue(badValue.response().bodyText().contains("<not-xml-att-value"));
        XcapException badReference = assertThrows(XcapException.class, () -> on(doc, "root/el2/@x").putAttribute(utf8("a & b")));
        assertTrue(badReference.response().bodyText().contains("<not-xml-att-value"));
        on(doc, "root/el2/@new").deleteAttribute();
        assertEquals(ORIGINAL, write(doc));
        assertEquals(404, assertThrows(XcapException.class, () -> on(doc, "root/el2/@new").deleteAttribute()).response().status());
    }

    @Test
    void aFragmentUsesTheNamespacesInScopeWhereItGoes() throws Exception {
        Document doc = org.herald.presence.xml.SafeDom.parse(utf8("<r xmlns=\"urn:a\" xmlns:g=\"urn:g\"><l><e/></l></r>"), XmlLimits.DEFAULT);
        NodeOperations put = new NodeOperations(doc, NodeSelector.parse("r/l/e2", Map.of(), "urn:a"), k -> "");
        assertTrue(put.putElement(utf8("<e2><g:group>Foo</g:group></e2>"), XmlLimits.DEFAULT));
        assertEquals("<r xmlns=\"urn:a\" xmlns:g=\"urn:g\"><l><e/><e2><g:group>Foo</g:group></e2></l></r>",
                new String(DomWriter.element(doc.getDocumentElement()), StandardCharsets.UTF_8));
        assertEquals("urn:a", doc.getElementsByTagNameNS("urn:a", "e2").item(0).getNamespaceURI());
        assertEquals(1, doc.getElementsByTagNameNS("urn:g", "group").getLength());
    }

    @Test
    void notAFragment() {
        for (String body : new String[] {"<tag></bag>", "<ta g></ta g>", "<tag1/><tag2/>", "text<a/>", "", "<a>",
                "<a/></hx:w><hx:w>", "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "<u:a/>"}) {
            Document doc = Vectors.dom("rfc4825/insertion.xml");
            XcapException e = assertThrows(XcapException.class, () -> on(doc, "root/el3").putElement(utf8(body), XmlLimits.DEFAULT), body);
            assertTrue(e.response().bodyText().contains("<not-xml-frag"), body + " → " + e.response().bodyText());
            assertEquals(ORIGINAL, write(doc));
        }
    }
}
