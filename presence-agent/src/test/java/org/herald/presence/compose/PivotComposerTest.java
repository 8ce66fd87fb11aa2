package org.herald.presence.compose;

import static org.herald.presence.Publications.ALICE;
import static org.herald.presence.Publications.pidf;
import static org.herald.presence.Publications.published;
import static org.herald.presence.compose.Clocks.FRESH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.herald.presence.pidf.Activities.Activity;
import org.herald.presence.pidf.Basic;
import org.herald.presence.pidf.Device;
import org.herald.presence.pidf.Mood.Feeling;
import org.herald.presence.pidf.Note;
import org.herald.presence.pidf.Person;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Tuple;
import org.herald.presence.xml.XmlFragment;
import org.junit.jupiter.api.Test;

class PivotComposerTest {
    private final Composer byContact = new PivotComposer(FRESH, CompositionPolicy.Pivot.CONTACT);
    private final Composer byDevice = new PivotComposer(FRESH, CompositionPolicy.Pivot.DEVICE_ID);

    @Test
    void tuplesWithTheSameContactBecomeOneTheNewestValuePerChildWinning() {
        PresenceDocument d = byContact.compose(ALICE, List.of(
                published(1, pidf("<tuple id=\"a\"><status><basic>open</basic></status>"
                        + "<rpid:class>work</rpid:class><x:caps xmlns:x=\"urn:x\">old</x:caps>"
                        + "<contact>sip:alice@desk</contact><note>at my desk</note></tuple>")),
                published(2, pidf("<tuple id=\"b\"><status><basic>closed</basic></status>"
                        + "<dm:deviceID>urn:uuid:pc</dm:deviceID><x:caps xmlns:x=\"urn:x\">new</x:caps>"
                        + "<contact>sip:alice@desk</contact></tuple>"
                        + "<tuple id=\"c\"><status><basic>open</basic></status><contact>sip:alice@phone</contact></tuple>"))));
        assertEquals(List.of("b", "c"), d.tuples().stream().map(Tuple::id).toList());
        Tuple desk = d.tuples().get(0);
        assertEquals(Basic.CLOSED, desk.status().basic());
        assertEquals(List.of(Note.of("at my desk")), desk.notes(), "the newest has no note: the older one's stays");
        assertEquals("work", desk.rpid().classValue());
        assertEquals(List.of("urn:uuid:pc"), desk.deviceIds());
        assertEquals(List.of("<x:caps xmlns:x=\"urn:x\">new</x:caps>"), desk.extensions().stream().map(XmlFragment::xml).toList());
    }

    @Test
    void tuplesSharingADeviceIdMergeTransitivelyAndAnIdAlwaysMerges() {
        PresenceDocument d = byDevice.compose(ALICE, List.of(
                published(1, pidf(t("a", "urn:1", "open") + t("z", "urn:9", "open"))),
                published(2, pidf(t("b", "urn:2", "closed"))),
                published(3, pidf(t("c", "urn:1</dm:deviceID><dm:deviceID>urn:2", "open") + t("z", "urn:8", "closed")))));
        assertEquals(List.of("c", "z"), d.tuples().stream().map(Tuple::id).toList());
        assertEquals(List.of("urn:1", "urn:2"), d.tuples().get(0).deviceIds());
        assertEquals(List.of("urn:8", "urn:9"), d.tuples().get(1).deviceIds());
        assertEquals(Basic.CLOSED, d.tuples().get(1).status().basic());
    }

    @Test
    void devicesMergeOnTheirDeviceIdAndAllPersonsIntoOne() {
        PresenceDocument d = byContact.compose(ALICE, List.of(
                published(1, pidf("<dm:device id=\"d1\"><rpid:user-input>idle</rpid:user-input><dm:deviceID>urn:pc</dm:deviceID></dm:device>"
                        + "<dm:person id=\"p1\"><rpid:activities><rpid:busy/></rpid:activities>"
                        + "<rpid:mood><rpid:happy/></rpid:mood></dm:person>")),
                published(2, pidf("<dm:device id=\"d2\"><dm:deviceID>urn:pc</dm:deviceID><dm:note>PC</dm:note></dm:device>"
                        + "<dm:person id=\"p2\"><rpid:activities><rpid:away/></rpid:activities></dm:person>"))));
        assertEquals(1, d.devices().size());
        Device pc = d.devices().get(0);
        assertEquals("d2", pc.id());
        assertEquals("idle", pc.rpid().userInput().state().token());
        assertEquals(List.of(Note.of("PC")), pc.notes());
        Person person = d.persons().get(0);
        assertEquals(1, d.persons().size());
        assertEquals("p2", person.id());
        assertEquals(true, person.rpid().activities().get(0).has(Activity.AWAY));
        assertEquals(true, person.rpid().moods().get(0).has(Feeling.HAPPY));
    }

    @Test
    void groupsAreTransitiveAndOrderedByTheirFirstItem() {
        List<List<String>> groups = PivotComposer.groups(List.of("a1", "b1", "a2", "c1", "b2"),
                s -> List.of(s.substring(0, 1), s.equals("c1") ? "a" : s));
        assertEquals(List.of(List.of("a1", "a2", "c1"), List.of("b1", "b2")), groups);
    }

    private static String t(String id, String deviceId, String basic) {
        return "<tuple id=\"" + id + "\"><status><basic>" + basic + "</basic></status><dm:deviceID>" + deviceId
                + "</dm:deviceID></tuple>";
    }
}
