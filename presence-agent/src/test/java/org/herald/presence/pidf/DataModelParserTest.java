package org.herald.presence.pidf;

import static org.herald.presence.pidf.PidfParserTest.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.herald.presence.pidf.Activities.Activity;
import org.herald.presence.pidf.Mood.Feeling;
import org.herald.presence.xml.XmlFragment;
import org.herald.sip.event.InvalidBodyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The RFC 4479, 4480, 4481 and 4482 examples read into the typed model, and what the model refuses. */
class DataModelParserTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence"
            + " xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
            + " xmlns:r=\"urn:ietf:params:xml:ns:pidf:rpid\" xmlns:c=\"urn:ietf:params:xml:ns:pidf:cipid\""
            + " xmlns:ts=\"urn:ietf:params:xml:ns:pidf:timed-status\" xmlns:x=\"urn:example:x\""
            + " entity=\"pres:alice@example.com\">";
    private final PidfParser parser = new PidfParser();

    @Test
    void rfc4479ExampleHasAServiceOnADeviceAndAPersonOnThePhone() throws Exception {
        PresenceDocument d = parser.parse(vector("rfc4479/example-with-entity.xml"));
        Tuple im = d.tuples().get(0);
        assertEquals(List.of("mac:8asd7d7d70"), im.deviceIds());
        assertEquals(List.of("servcaps"), im.extensions().stream().map(XmlFragment::localName).toList());
        Person person = d.persons().get(0);
        assertEquals("p1", person.id());
        assertTrue(person.rpid().activities().get(0).has(Activity.ON_THE_PHONE));
        Device pc = d.devices().get(0);
        assertEquals(new Device("pc122", "mac:8asd7d7d70", Rpid.NONE.withUserInput(UserInput.of(UserInput.State.IDLE)),
                Cipid.NONE, List.of(), List.of(), null), pc);
    }

    @Test
    void rfc4480ExampleReadsIntoEveryRpidValue() throws Exception {
        PresenceDocument d = parser.parse(vector("rfc4480/example.xml"));
        Tuple own = d.tuples().get(0);
        assertEquals(List.of("urn:device:0003ba4811e3"), own.deviceIds());
        assertEquals(Relationship.of(Relationship.Relation.SELF), own.rpid().relationship());
        assertEquals(ServiceClass.of(ServiceClass.Kind.ELECTRONIC), own.rpid().serviceClass());
        assertEquals(Relationship.Relation.ASSISTANT, d.tuples().get(1).rpid().relationship().relation());
        Rpid mail = d.tuples().get(2).rpid();
        assertEquals("email", mail.classValue());
        assertEquals(List.of(StatusIcon.of("http://example.com/mail.png")), mail.statusIcons());

        Device pc = d.devices().get(0);
        assertEquals(new UserInput(UserInput.State.IDLE, 600, Instant.parse("2004-10-21T18:20:00Z"), null),
                pc.rpid().userInput());
        assertEquals(List.of(Note.of("PC")), pc.notes());

        Person p = d.persons().get(0);
        Rpid r = p.rpid();
        assertEquals(List.of(new Activities(List.of(Activity.AWAY), List.of(), List.of(), List.of(Note.of("Far away")),
                Instant.parse("2005-05-30T07:00:00Z"), Instant.parse("2005-05-30T12:00:00Z"), null)), r.activities());
        assertEquals("calendar", r.classValue());
        assertEquals(List.of(new Mood(List.of(Feeling.ANGRY), List.of(Note.of("brooding")), List.of(), List.of(),
                null, null, null)), r.moods());
        assertEquals(PlaceIs.Audio.NOISY, r.placeIs().get(0).audio());
        assertNull(r.placeIs().get(0).video());
        assertEquals(List.of("residence"), r.placeTypes().get(0).locationTypes());
        assertEquals(List.of(Privacy.Medium.UNKNOWN), r.privacy().get(0).media());
        assertEquals(List.of(Sphere.of("bowling league")), r.spheres());
        assertEquals(List.of(StatusIcon.of("http://example.com/play.gif")), r.statusIcons());
        assertEquals(List.of(TimeOffset.of(-240)), r.timeOffsets());
        assertEquals(List.of(Note.of("Scoring 120")), p.notes());
        assertEquals(Instant.parse("2005-05-30T11:09:44Z"), p.timestamp());
    }

    @Test
    void rfc4481ExampleIsOpenNowAndClosedNextWeek() throws Exception {
        Tuple t = parser.parse(vector("rfc4481/example.xml")).tuples().get(0);
        assertEquals(Basic.OPEN, t.status().basic());
        assertEquals(List.of(new TimedStatus(Instant.parse("2005-08-15T15:20:00Z"), Instant.parse("2005-08-23T00:30:00Z"),
                Basic.CLOSED, null, List.of())), t.timedStatuses());
    }

    @Test
    void rfc4482ExamplesCarryContactDetailsOnThePersonAndTheAssistantsTuple() throws Exception {
        Person alice = parser.parse(vector("rfc4482/cipid-only.xml")).persons().get(0);
        assertEquals(new Cipid("http://example.com/~alice/card.vcd", List.of(Note.of("Alice Lewis")),
                "http://example.com/~alice", "http://example.com/~alice/me.png",
                "http://example.com/~alice/gml-map.xml", "http://example.com/~alice/hello.wav"), alice.cipid());
        PresenceDocument both = parser.parse(vector("rfc4482/rpid-and-cipid.xml"));
        Tuple assistant = both.tuples().get(1);
        assertEquals(Relationship.Relation.ASSISTANT, assistant.rpid().relationship().relation());
        assertEquals("http://example.com/~assistant/card.vcd", assistant.cipid().card());
        assertEquals("http://example.com/~assistant", assistant.cipid().homepage());
        assertEquals("http://example.com/~someone/whoosh.wav", both.persons().get(0).cipid().sound());
    }

    @Test
    void theCipidOnlyExampleAsPrintedIsNotWellFormed() {
        InvalidBodyException e = assertThrows(InvalidBodyException.class,
                () -> parser.parse(vector("rfc4482/cipid-only.invalid.xml")));
        assertTrue(e.getMessage().startsWith("not well-formed XML at line 15"), e.getMessage());
    }

    // --- lenience: open enumerations, foreign attributes, placement ---

    @Test
    void openEnumerationsKeepOtherTextsAndForeignValues() throws Exception {
        Rpid r = person("<r:activities><r:lunch/><r:other xml:lang=\"en\">reading</r:other><x:gardening/></r:activities>"
                + "<r:mood><x:zen/></r:mood><r:place-is><r:text><r:ok/></r:text><x:lighting>dim</x:lighting></r:place-is>"
                + "<r:place-type><r:other>boat</r:other></r:place-type><r:privacy><r:video/><x:smell/></r:privacy>"
                + "<r:sphere><x:scouting/></r:sphere>").rpid();
        Activities a = r.activities().get(0);
        assertEquals(List.of(Activity.LUNCH), a.values());
        assertEquals(List.of(new Note("reading", "en")), a.others());
        assertEquals("<x:gardening xmlns:x=\"urn:example:x\"/>", a.extensions().get(0).xml());
        assertEquals("zen", r.moods().get(0).extensions().get(0).localName());
        assertEquals(PlaceIs.Text.OK, r.placeIs().get(0).text());
        assertEquals("lighting", r.placeIs().get(0).extensions().get(0).localName());
        assertEquals(Note.of("boat"), r.placeTypes().get(0).other());
        assertEquals(List.of(Privacy.Medium.VIDEO), r.privacy().get(0).media());
        assertEquals("scouting", r.spheres().get(0).extensions().get(0).localName());
    }

    @Test
    void anRpidElementWithAttributesRpidDoesNotDefineIsKeptVerbatim() throws Exception {
        Person p = person("<r:mood x:intensity=\"3\"><r:happy/></r:mood><r:class>a</r:class><r:future-element/>");
        assertEquals(List.of(), p.rpid().moods());
        assertEquals("a", p.rpid().classValue());
        assertEquals(List.of("mood", "future-element"), p.extensions().stream().map(XmlFragment::localName).toList());
        assertTrue(p.extensions().get(0).xml().contains("x:intensity=\"3\""));
    }

    @Test
    void rpidValuesAreReadWhereverTheyAreAndRepeatWhenTimed() throws Exception {
        PresenceDocument d = parse("<tuple id=\"t\"><status/><dm:deviceID>urn:a</dm:deviceID><dm:deviceID> urn:b </dm:deviceID>"
                + "<r:activities><r:busy/></r:activities><r:user-input>active</r:user-input></tuple>"
                + "<dm:person id=\"t\"><r:mood until=\"2030-01-01T00:00:00Z\"><r:happy/></r:mood>"
                + "<r:mood from=\"2030-01-01T00:00:00Z\"><r:sad/></r:mood></dm:person>");
        Tuple t = d.tuples().get(0);
        assertEquals(List.of("urn:a", "urn:b"), t.deviceIds());
        assertTrue(t.rpid().activities().get(0).has(Activity.BUSY));
        assertEquals(UserInput.State.ACTIVE, t.rpid().userInput().state());
        assertEquals(2, d.persons().get(0).rpid().moods().size());
    }

    // --- what the schemas make invalid ---

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            <dm:person/>                                                      | a <person> lacks the required id attribute
            <dm:device id="d"/>                                               | device 'd' lacks the required <deviceID>
            <dm:device id="d"><dm:deviceID>a</dm:deviceID><dm:deviceID>b</dm:deviceID></dm:device> | device 'd' has more than one <deviceID>
            <dm:person id="p"/><dm:person id="p"/>                            | duplicate person id 'p'
            <dm:device id="d"><dm:deviceID>a</dm:deviceID></dm:device><dm:device id="d"><dm:deviceID>b</dm:deviceID></dm:device> | duplicate device id 'd'
            <dm:person id="p"><dm:deviceID>a</dm:deviceID></dm:person>        | unexpected element <deviceID> in person 'p'
            <dm:person id="p"><dm:timestamp>now</dm:timestamp></dm:person>    | person 'p': timestamp 'now' is not an xs:dateTime
            <dm:person id="p"><r:activities><r:dancing/></r:activities></dm:person> | person 'p': unknown activity 'dancing'
            <dm:person id="p"><r:activities><r:unknown/><r:away/></r:activities></dm:person> | person 'p': <unknown> activity cannot be combined with others
            <dm:person id="p"><r:activities><r:away>now</r:away></r:activities></dm:person> | person 'p': <away> must be empty
            <dm:person id="p"><r:activities from="tomorrow"/></dm:person>     | person 'p': <activities> from 'tomorrow' is not an xs:dateTime
            <dm:person id="p"><r:activities>busy</r:activities></dm:person>   | text is not allowed directly in person 'p' <activities>
            <dm:person id="p"><r:mood/></dm:person>                           | person 'p': <mood> needs a value
            <dm:person id="p"><r:mood><r:hangry/></r:mood></dm:person>        | person 'p': unknown mood 'hangry'
            <dm:person id="p"><r:class>a</r:class><r:class>b</r:class></dm:person> | person 'p' has more than one <class>
            <dm:person id="p"><r:place-is><r:audio><r:loud/></r:audio></r:place-is></dm:person> | person 'p': unknown audio value 'loud'
            <dm:person id="p"><r:place-is><r:audio><r:ok/><r:quiet/></r:audio></r:place-is></dm:person> | person 'p': <audio> takes exactly one value
            <dm:person id="p"><r:place-is><r:smell/></r:place-is></dm:person> | unexpected element <smell> in the <place-is> of person 'p'
            <dm:person id="p"><r:place-type/></dm:person>                     | person 'p': <place-type> needs either one <other> or place types of another namespace
            <dm:person id="p"><r:privacy><r:audio/><r:audio/></r:privacy></dm:person> | person 'p': <privacy> names <audio> twice
            <dm:person id="p"><r:privacy><r:unknown/><r:audio/></r:privacy></dm:person> | person 'p': <unknown> privacy cannot be combined with media
            <dm:person id="p"><r:sphere>bowling<r:work/></r:sphere></dm:person> | person 'p': <sphere> mixes text and elements or has several values
            <dm:person id="p"><r:time-offset>EST</r:time-offset></dm:person>  | person 'p': <time-offset> 'EST' is not a number of minutes
            <dm:person id="p"><r:user-input>asleep</r:user-input></dm:person> | person 'p': <user-input> must be active or idle, not 'asleep'
            <dm:person id="p"><r:user-input idle-threshold="0">idle</r:user-input></dm:person> | person 'p': idle-threshold '0' is not a positive number of seconds
            <dm:person id="p"><r:user-input>idle</r:user-input><r:user-input>idle</r:user-input></dm:person> | person 'p' has more than one <user-input>
            <dm:person id="p"><c:card>a</c:card><c:card>b</c:card></dm:person> | person 'p' has more than one <card>
            <dm:person id="p"><c:display-name>A</c:display-name><c:display-name>B</c:display-name></dm:person> | person 'p': several <display-name>s in the same language
            <tuple id="t"><status/><r:relationship><r:friend/><r:family/></r:relationship></tuple> | tuple 't' has more than one <relationship value>
            <tuple id="t"><status/><r:service-class/></tuple>                 | tuple 't': <service-class> needs exactly one value
            <tuple id="t"><status/><r:service-class><r:mail/></r:service-class></tuple> | tuple 't': unknown service class 'mail'
            <tuple id="t"><status/><ts:timed-status><ts:basic>closed</ts:basic></ts:timed-status></tuple> | tuple 't': <timed-status> lacks the required from attribute
            <tuple id="t"><status/><ts:timed-status from="2030-01-01T00:00:00Z"><ts:basic>shut</ts:basic></ts:timed-status></tuple> | tuple 't': <basic> must be open or closed, not 'shut'
            <tuple id="t"><status><ts:timed-status from="2030-01-01T00:00:00Z"/></status></tuple> | tuple 't': <timed-status> belongs in the tuple, not in <status> (RFC 4481 section 3)
            """)
    void refuses(String body, String expected) {
        InvalidBodyException e = assertThrows(InvalidBodyException.class,
                () -> parser.parse((HEAD + body.strip() + "</presence>").getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith(expected.strip()), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\""), e.getMessage());
    }

    private Person person(String children) throws InvalidBodyException {
        return parse("<dm:person id=\"p\">" + children + "</dm:person>").persons().get(0);
    }

    private PresenceDocument parse(String body) throws InvalidBodyException {
        return parser.parse((HEAD + body + "</presence>").getBytes(StandardCharsets.UTF_8));
    }
}
