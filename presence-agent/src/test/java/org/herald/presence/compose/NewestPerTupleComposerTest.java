package org.herald.presence.compose;

import static org.herald.presence.Publications.ALICE;
import static org.herald.presence.Publications.pidf;
import static org.herald.presence.Publications.published;
import static org.herald.presence.Publications.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.herald.presence.pidf.Activities;
import org.herald.presence.pidf.Basic;
import org.herald.presence.pidf.Device;
import org.herald.presence.pidf.Note;
import org.herald.presence.pidf.Person;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Tuple;
import org.herald.presence.xml.XmlFragment;
import org.herald.sip.event.EventState;
import org.herald.sip.event.PublishedState;
import org.junit.jupiter.api.Test;

class NewestPerTupleComposerTest {
    private final Composer composer = new NewestPerTupleComposer();

    @Test
    void aStaleOpenDoesNotHideANewerClosedWithTheSameTupleId() {
        PresenceDocument d = composer.compose(ALICE, List.of(
                published(1, pidf(tuple("phone", "open", "sip:alice@10.0.0.1"))),
                published(2, pidf(tuple("phone", "closed", "sip:alice@10.0.0.2")))));
        assertEquals(1, d.tuples().size());
        assertEquals(Basic.CLOSED, d.tuples().get(0).status().basic());
        assertEquals("sip:alice@10.0.0.2", d.tuples().get(0).contact().uri());
    }

    @Test
    void theNewestWinsWhicheverWayItGoes() {
        PresenceDocument d = composer.compose(ALICE, List.of(
                published(1, pidf(tuple("phone", "closed", "sip:alice@10.0.0.1"))),
                published(2, pidf(tuple("phone", "open", "sip:alice@10.0.0.2")))));
        assertEquals(Basic.OPEN, d.tuples().get(0).status().basic());
    }

    @Test
    void newestIsBySequenceEvenIfTheListComesUnsorted() {
        PresenceDocument d = composer.compose(ALICE, List.of(
                published(9, pidf(tuple("phone", "closed", "sip:alice@10.0.0.2"))),
                published(3, pidf(tuple("phone", "open", "sip:alice@10.0.0.1")))));
        assertEquals(Basic.CLOSED, d.tuples().get(0).status().basic());
    }

    @Test
    void twoDevicesTuplesAreUnitedNewestFirst() {
        PresenceDocument d = composer.compose(ALICE, List.of(
                published(1, pidf(tuple("desk", "open", "sip:alice@desk.example.com"))),
                published(2, pidf(tuple("mobile", "closed", "sip:alice@mobile.example.com")
                        + tuple("mobile-im", "open", "im:alice@example.com")))));
        assertEquals(List.of("mobile", "mobile-im", "desk"), d.tuples().stream().map(Tuple::id).toList());
        assertEquals("pres:alice@example.com", d.entity());
    }

    @Test
    void personsAndDevicesAreUnitedWithTheNewestPerIdAndIdenticalExtensionsOnce() {
        String oldPerson = "<dm:person id=\"p1\"><rpid:activities><rpid:busy/></rpid:activities></dm:person>";
        String newPerson = "<dm:person id=\"p1\"><rpid:activities><rpid:away/></rpid:activities></dm:person>";
        String desk = "<dm:device id=\"desk\"><dm:deviceID>urn:uuid:1</dm:deviceID></dm:device>";
        String mobile = "<dm:device id=\"mobile\"><dm:deviceID>urn:uuid:2</dm:deviceID></dm:device>";
        String mood = "<rpid:mood><rpid:happy/></rpid:mood>";
        PresenceDocument d = composer.compose(ALICE, List.of(
                published(1, pidf(tuple("a", "open", "sip:a@x") + oldPerson + desk + mood)),
                published(2, pidf(tuple("b", "open", "sip:b@x") + newPerson + mobile + mood))));
        assertEquals(List.of("p1"), d.persons().stream().map(Person::id).toList());
        assertEquals(true, d.persons().get(0).rpid().activities().get(0).has(Activities.Activity.AWAY));
        assertEquals(List.of("mobile", "desk"), d.devices().stream().map(Device::id).toList());
        assertEquals(List.of("mood"), d.extensions().stream().map(XmlFragment::localName).toList());
    }

    @Test
    void aTupleAndAPersonWithTheSameIdAreDifferentThings() {
        PresenceDocument d = composer.compose(ALICE, List.of(
                published(1, pidf(tuple("x", "open", "sip:a@x"))),
                published(2, pidf("<dm:person id=\"x\"/>"))));
        assertEquals(1, d.tuples().size());
        assertEquals(1, d.persons().size());
    }

    @Test
    void documentNotesAreUnitedOnce() {
        PresenceDocument d = composer.compose(ALICE, List.of(
                published(1, pidf(tuple("a", "open", "sip:a@x") + "<note>in Tokyo</note><note xml:lang=\"fr\">à Tokyo</note>")),
                published(2, pidf(tuple("b", "open", "sip:b@x") + "<note>back Monday</note><note>in Tokyo</note>"))));
        assertEquals(List.of(Note.of("back Monday"), Note.of("in Tokyo"), new Note("à Tokyo", "fr")), d.notes());
    }

    @Test
    void theEntityIsTheNewestPublishedOneThatNamesThePresentity() {
        assertEquals("sip:alice@example.com", composer.compose(ALICE, List.of(
                published(1, pidf("sip:alice@example.com", tuple("a", "open", "sip:a@x"))))).entity());
        assertEquals("pres:alice@EXAMPLE.com", composer.compose(ALICE, List.of(
                published(1, pidf("sip:alice@example.com", tuple("a", "open", "sip:a@x"))),
                published(2, pidf("pres:alice@EXAMPLE.com", tuple("a", "open", "sip:a@x"))))).entity());
        assertEquals("sip:alice@example.com", composer.compose(ALICE, List.of(
                published(1, pidf("pres:mallory@example.com", tuple("a", "open", "sip:a@x"))))).entity());
    }

    @Test
    void nothingLiveIsAnEmptyDocumentForThePresentity() {
        assertEquals(PresenceDocument.empty("sip:alice@example.com"), composer.compose(ALICE, List.of()));
    }

    @Test
    void statesOfOtherPackagesAreIgnored() {
        PublishedState foreign = new PublishedState(published(5, pidf("")).publication(), new EventState() {});
        PresenceDocument d = composer.compose(ALICE, List.of(published(1, pidf(tuple("a", "open", "sip:a@x"))), foreign));
        assertEquals(1, d.tuples().size());
    }

    @Test
    void stepsChainAfterComposition() {
        Composer openOnly = composer.then(doc -> doc.withTuples(
                doc.tuples().stream().filter(t -> t.status().basic() == Basic.OPEN).toList()));
        PresenceDocument d = openOnly.compose(ALICE, List.of(
                published(1, pidf(tuple("a", "open", "sip:a@x") + tuple("b", "closed", "sip:b@x")))));
        assertEquals(List.of("a"), d.tuples().stream().map(Tuple::id).toList());
    }
}
