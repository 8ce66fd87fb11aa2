package org.herald.presence.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.herald.presence.xml.XmlFragment;
import org.herald.sip.event.InvalidBodyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PidfParserTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String OPEN = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:alice@example.com\">";
    private final PidfParser parser = new PidfParser();

    // --- the RFC examples, read as the RFCs describe them ---

    @Test
    void readsTheRfc3863FullExample() throws Exception {
        PresenceDocument d = parser.parse(vector("rfc3863/full-example.xml"));
        assertEquals("pres:someone@example.com", d.entity());
        assertEquals(2, d.tuples().size());
        Tuple first = d.tuples().get(0);
        assertEquals("bs35r9", first.id());
        assertEquals(Basic.OPEN, first.status().basic());
        assertEquals(List.of("im", "location"), first.status().extensions().stream().map(XmlFragment::localName).toList());
        assertEquals("<im:im xmlns:im=\"urn:ietf:params:xml:ns:pidf:im\">busy</im:im>",
                first.status().extensions().get(0).xml());
        assertEquals(new Contact("im:someone@mobilecarrier.net", new QValue(800)), first.contact());
        assertEquals(List.of(new Note("Don't Disturb Please!", "en"), new Note("Ne derangez pas, s'il vous plait", "fr")),
                first.notes());
        assertEquals(Instant.parse("2001-10-27T16:49:29Z"), first.timestamp());
        assertEquals(QValue.MAX, d.tuples().get(1).contact().priority());
        assertEquals(List.of(Note.of("I'll be in Tokyo next week")), d.notes());
    }

    @Test
    void prefixedAndDefaultNamespaceFormsAreTheSameDocument() throws Exception {
        assertEquals(parser.parse(vector("rfc3863/default-namespace.xml")),
                parser.parse(vector("rfc3863/prefixed-namespace.xml")));
    }

    @Test
    void typesPersonsAndDevicesAndKeepsWhatRpidLeavesOpenWithTheNamespacesItUses() throws Exception {
        PresenceDocument d = parser.parse(vector("rfc4480/example.xml"));
        assertEquals(List.of(), d.extensions());
        assertEquals(List.of("p1"), d.persons().stream().map(Person::id).toList());
        assertEquals(List.of("pc147"), d.devices().stream().map(Device::id).toList());
        XmlFragment residence = d.persons().get(0).rpid().placeTypes().get(0).types().get(0);
        assertEquals("<lt:residence xmlns:lt=\"urn:ietf:params:xml:ns:location-type\"/>", residence.xml());
        assertTrue(residence.is(PlaceType.LOCATION_TYPES, "residence"));
    }

    @Test
    void aMustUnderstandMarkerIsKeptWithTheDeclarationOfItsPrefix() throws Exception {
        XmlFragment extension = parser.parse(vector("rfc3863/must-understand.xml")).tuples().get(0).extensions().get(0);
        assertEquals("""
                <myex:complexExtension xmlns:myex="http://id.mycompany.com/presence/" \
                xmlns:impp="urn:ietf:params:xml:ns:pidf">
                      <myex:ex1 impp:mustUnderstand="1">val1</myex:ex1>
                      <myex:ex2>val2</myex:ex2>
                    </myex:complexExtension>""", extension.xml());
    }

    // --- lenience that deployed clients need ---

    @Test
    void acceptsChildrenOutOfSchemaOrderAndIgnoresForeignAttributes() throws Exception {
        PresenceDocument d = parse(doc("<tuple id=\"t1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"x\">"
                + "<contact priority=\"0.500000\"> sip:alice@example.com </contact><note><![CDATA[a <b> c]]></note>"
                + "<status><basic> closed </basic></status><timestamp>2024-02-29T24:00:00+01:00</timestamp></tuple>"));
        Tuple t = d.tuples().get(0);
        assertEquals(Basic.CLOSED, t.status().basic());
        assertEquals(new Contact("sip:alice@example.com", new QValue(500)), t.contact());
        assertEquals("a <b> c", t.notes().get(0).text());
        assertEquals(Instant.parse("2024-02-29T23:00:00Z"), t.timestamp());
    }

    @Test
    void aStatusWithoutBasicIsAllowed() throws Exception {
        Tuple t = parse(doc("<tuple id=\"t1\"><status/></tuple>")).tuples().get(0);
        assertNull(t.status().basic());
        assertNull(t.contact());
    }

    @Test
    void readsUtf16() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + OPEN + "<note>Grüße 東京</note></presence>";
        assertEquals("Grüße 東京", parser.parse(xml.getBytes(StandardCharsets.UTF_16)).notes().get(0).text());
    }

    // --- hostile documents ---

    @Test
    void billionLaughsIsRefusedNotExpanded() {
        String lol = HEAD + "<!DOCTYPE presence [\n <!ENTITY lol \"lol\">\n"
                + " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                + " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                + " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                + " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                + " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                + " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                + " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n]>\n"
                + OPEN + "<note>&lol9;</note></presence>";
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertEquals("DTDs are not allowed", reject(lol)));
    }

    @Test
    void externalEntitiesAreRefusedNotResolved() {
        String xxe = HEAD + "<!DOCTYPE presence [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@example.com\"><note>&xxe;</note></presence>";
        String message = reject(xxe);
        assertEquals("DTDs are not allowed", message);
        assertFalse(message.contains("root:"));
    }

    @Test
    void parameterEntitiesAndExternalDtdsAreRefused() {
        assertEquals("DTDs are not allowed", reject(HEAD
                + "<!DOCTYPE presence [<!ENTITY % ext SYSTEM \"file:///etc/passwd\"> %ext;]>\n" + OPEN + "</presence>"));
        assertEquals("DTDs are not allowed", reject(HEAD
                + "<!DOCTYPE presence SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n" + OPEN + "</presence>"));
    }

    @Test
    void anUndeclaredEntityIsNotWellFormed() {
        assertTrue(reject(doc("<note>&secret;</note>")).startsWith("not well-formed XML at line"));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<x:a xmlns:x=\"urn:x\">".repeat(40) + "</x:a>".repeat(40);
        assertEquals("elements nest deeper than the limit of 32", reject(doc(deep)));
    }

    @Test
    void tooManyElementsAreRefused() {
        assertEquals("more than 2000 elements", reject(doc("<x:a xmlns:x=\"urn:x\">" + "<x:b/>".repeat(2100) + "</x:a>")));
    }

    @Test
    void tooBigADocumentIsRefusedBeforeParsing() {
        String message = reject(doc("<note>" + "a".repeat(70_000) + "</note>"));
        assertTrue(message.matches("document of \\d+ bytes exceeds the limit of 65536"), message);
    }

    @Test
    void tooLongATextIsRefused() {
        assertTrue(reject(doc("<note>" + "a".repeat(20_000) + "</note>")).startsWith("a text node of"));
    }

    @Test
    void tooManyAttributesAreRefused() {
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < 70; i++) attrs.append(" a").append(i).append("=\"v\"");
        assertTrue(reject(doc("<x:a xmlns:x=\"urn:x\"" + attrs + "/>")).contains("more than 64 attributes"));
    }

    // --- malformed and invalid documents: each refused with a precise one-line message ---

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            <tuple id="a"><status></tuple>                                  | not well-formed XML at line
            <tuple id="a"><status><basic>available</basic></status></tuple> | tuple 'a': <basic> must be open or closed, not 'available'
            <tuple id="a"><status><basic>Open</basic></status></tuple>      | tuple 'a': <basic> must be open or closed, not 'Open'
            <tuple id="a"><status/></tuple><tuple id="a"><status/></tuple>  | duplicate tuple id 'a'
            <tuple><status/></tuple>                                        | a <tuple> lacks the required id attribute
            <tuple id="a"><contact>sip:a@b</contact></tuple>                | tuple 'a' lacks the required <status>
            <tuple id="a"><status/><status/></tuple>                        | tuple 'a' has more than one <status>
            <tuple id="a"><status><basic>open</basic><basic>open</basic></status></tuple> | tuple 'a' has more than one <basic>
            <tuple id="a"><status/><contact>x</contact><contact>y</contact></tuple> | tuple 'a' has more than one <contact>
            <tuple id="a"><status/><timestamp>yesterday</timestamp></tuple> | tuple 'a': timestamp 'yesterday' is not an xs:dateTime
            <tuple id="a"><status/><timestamp>2024-02-30T10:00:00Z</timestamp></tuple> | tuple 'a': timestamp '2024-02-30T10:00:00Z' is not an xs:dateTime
            <tuple id="a"><status/><contact priority="2">x</contact></tuple> | tuple 'a': contact priority '2' is not a number from 0 to 1
            <tuple id="a"><status><basic><b/>open</basic></status></tuple>  | tuple 'a': <basic> may contain only text
            <tuple id="a"><status/><colour>red</colour></tuple>             | unexpected element <colour> in tuple 'a'
            <tuple id="a"><status><colour>red</colour></status></tuple>     | unexpected element <colour> in the <status> of tuple 'a'
            <mood>happy</mood>                                              | unexpected element <mood> in <presence>
            hello                                                           | text is not allowed directly in <presence>
            <x:a/>                                                          | not well-formed XML at line 3
            """)
    void refuses(String body, String expected) {
        String message = reject(doc(body.strip()));
        assertTrue(message.startsWith(expected.strip()), message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            <presence entity="pres:a@example.com"/>                            | the root element must be {urn:ietf:params:xml:ns:pidf}presence, not presence
            <foo xmlns="urn:ietf:params:xml:ns:pidf" entity="pres:a@b"/>        | the root element must be {urn:ietf:params:xml:ns:pidf}presence, not {urn:ietf:params:xml:ns:pidf}foo
            <presence xmlns="urn:ietf:params:xml:ns:pidf"/>                    | <presence> lacks the required entity attribute
            <presence xmlns="urn:ietf:params:xml:ns:pidf" entity=" "/>         | <presence> has an empty entity attribute
            <presence xmlns="urn:ietf:params:xml:ns:pidf" entity="x"/><presence/> | not well-formed XML at line 1
            <presence xmlns="urn:ietf:params:xml:ns:pidf" entity="x">          | not well-formed XML
            """)
    void refusesDocuments(String xml, String expected) {
        String message = reject(xml.strip());
        assertTrue(message.startsWith(expected.strip()), message);
    }

    @Test
    void refusesAnEmptyBody() {
        assertTrue(reject("").startsWith("not well-formed XML"));
    }

    /** The message of the refusal, checked to be fit for a Warning header. */
    private String reject(String xml) {
        InvalidBodyException e = assertThrows(InvalidBodyException.class,
                () -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)));
        String message = e.getMessage();
        assertFalse(message.contains("\n") || message.contains("\""), message);
        return message;
    }

    private PresenceDocument parse(String xml) throws InvalidBodyException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String doc(String inner) {
        return HEAD + OPEN + "\n" + inner + "</presence>";
    }

    static byte[] vector(String name) throws IOException {
        try (InputStream in = PidfParserTest.class.getResourceAsStream("/vectors/" + name)) {
            return in.readAllBytes();
        }
    }
}
