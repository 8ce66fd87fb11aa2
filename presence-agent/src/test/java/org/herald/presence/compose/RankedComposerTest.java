package org.herald.presence.compose;

import static org.herald.presence.Publications.ALICE;
import static org.herald.presence.Publications.pidf;
import static org.herald.presence.Publications.published;
import static org.herald.presence.Publications.tuple;
import static org.herald.presence.compose.Clocks.FRESH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.herald.presence.pidf.Activities.Activity;
import org.herald.presence.pidf.Device;
import org.herald.presence.pidf.Person;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Tuple;
import org.herald.sip.event.PublishedState;
import org.junit.jupiter.api.Test;

/** Overriding and the rule-based policies: one occurrence per id, one person, the preferred one winning. */
class RankedComposerTest {

    private static String person(String id, String activity) {
        return "<dm:person id=\"" + id + "\"><rpid:activities><rpid:" + activity + "/></rpid:activities></dm:person>";
    }

    private static Activity activity(PresenceDocument d) {
        return d.persons().get(0).rpid().activities().get(0).values().get(0);
    }

    // --- overriding ---

    @Test
    void overridingShowsOnlyTheNewestPersonButEveryService() {
        PresenceDocument d = RankedComposer.overriding(FRESH).compose(ALICE, List.of(
                published(1, pidf(tuple("desk", "open", "sip:alice@desk") + person("pc", "busy"))),
                published(2, pidf(tuple("phone", "open", "sip:alice@phone") + person("phone", "away")))));
        assertEquals(List.of("phone"), d.persons().stream().map(Person::id).toList());
        assertEquals(Activity.AWAY, activity(d));
        assertEquals(List.of("phone", "desk"), d.tuples().stream().map(Tuple::id).toList());
    }

    @Test
    void overridingTreatsAnIdAsOneOccurrenceWhateverItsKind() {
        PresenceDocument d = RankedComposer.overriding(FRESH).compose(ALICE, List.of(
                published(1, pidf(tuple("x", "open", "sip:a@x") + tuple("y", "open", "sip:a@y"))),
                published(2, pidf("<dm:device id=\"x\"><dm:deviceID>urn:uuid:1</dm:deviceID></dm:device>"))));
        assertEquals(List.of("y"), d.tuples().stream().map(Tuple::id).toList());
        assertEquals(List.of("x"), d.devices().stream().map(Device::id).toList());
    }

    // --- by timestamp ---

    @Test
    void byTimestampTheLatestChangedElementWinsWhicheverPublicationIsNewer() {
        PresenceDocument d = RankedComposer.byTimestamp(FRESH).compose(ALICE, List.of(
                published(1, pidf("<dm:person id=\"p\"><rpid:activities><rpid:busy/></rpid:activities>"
                        + "<dm:timestamp>2025-01-01T00:09:00Z</dm:timestamp></dm:person>")),
                published(2, pidf("<dm:person id=\"q\"><rpid:activities><rpid:away/></rpid:activities>"
                        + "<dm:timestamp>2024-12-31T00:00:00Z</dm:timestamp></dm:person>"))));
        assertEquals(Activity.BUSY, activity(d));
    }

    @Test
    void byTimestampAnUndatedElementCountsAsChangedWithItsPublication() {
        PresenceDocument d = RankedComposer.byTimestamp(FRESH).compose(ALICE, List.of(
                published(1, pidf(tuple("t", "closed", "sip:a@x").replace("</tuple>",
                        "<timestamp>2024-12-31T00:00:00Z</timestamp></tuple>"))),
                published(2, pidf(tuple("t", "open", "sip:a@x")))));
        assertEquals("open", d.tuples().get(0).status().basic().token(), "published at 00:00:02 beats stamped yesterday");
    }

    // --- by source priority ---

    @Test
    void bySourcePriorityTheRankedSourceWinsOverANewerOne() {
        List<PublishedState> live = List.of(
                published(1, pidf(tuple("desk", "open", "sip:alice@desk.example.com") + person("p1", "busy"))),
                published(2, pidf(tuple("phone", "open", "sip:alice@phone.example.com") + person("p2", "away"))));
        Composer deskFirst = RankedComposer.bySourcePriority(FRESH, List.of("sip:alice@desk*"), PublicationSource.DOCUMENT);
        PresenceDocument d = deskFirst.compose(ALICE, live);
        assertEquals(Activity.BUSY, activity(d));
        assertEquals(List.of("desk", "phone"), d.tuples().stream().map(Tuple::id).toList(), "preferred source first");
        Composer nobodyRanked = RankedComposer.bySourcePriority(FRESH, List.of("sip:bob@*"), PublicationSource.DOCUMENT);
        assertEquals(Activity.AWAY, activity(nobodyRanked.compose(ALICE, live)), "unranked sources: the newest wins");
    }

    @Test
    void bySourcePriorityMatchesDeviceIdsToo() {
        Composer pcFirst = RankedComposer.bySourcePriority(FRESH, List.of("urn:uuid:pc"), PublicationSource.DOCUMENT);
        PresenceDocument d = pcFirst.compose(ALICE, List.of(
                published(1, pidf("<dm:device id=\"d\"><dm:deviceID>urn:uuid:pc</dm:deviceID></dm:device>" + person("p1", "busy"))),
                published(2, pidf(person("p2", "away")))));
        assertEquals(Activity.BUSY, activity(d));
    }

    // --- by device activity ---

    @Test
    void byDeviceActivityTheDeviceUsedLastWinsAndSilentPublicationsRankLast() {
        String activePhone = "<dm:device id=\"ph\"><rpid:user-input>active</rpid:user-input>"
                + "<dm:deviceID>urn:uuid:ph</dm:deviceID></dm:device>" + person("p2", "on-the-phone");
        String silent = person("p3", "sleeping");
        Composer composer = RankedComposer.byDeviceActivity(FRESH);
        PresenceDocument d = composer.compose(ALICE, List.of(
                published(1, pidf(idlePc("2024-12-31T23:00:00Z") + person("p1", "busy"))),
                published(2, pidf(activePhone)),
                published(3, pidf(silent))));
        assertEquals(Activity.ON_THE_PHONE, activity(d), "active when published (00:00:02) beats idle since yesterday");
        d = composer.compose(ALICE, List.of(
                published(1, pidf(idlePc("2025-01-01T00:05:00Z") + person("p1", "busy"))),
                published(2, pidf(activePhone)),
                published(3, pidf(silent))));
        assertEquals(Activity.BUSY, activity(d), "input at 00:05 is later than the phone's 00:00:02");
        assertEquals(List.of("pc", "ph"), d.devices().stream().map(Device::id).toList());
    }

    private static String idlePc(String lastInput) {
        return "<dm:device id=\"pc\"><rpid:user-input last-input=\"" + lastInput + "\">idle</rpid:user-input>"
                + "<dm:deviceID>urn:uuid:pc</dm:deviceID></dm:device>";
    }
}
