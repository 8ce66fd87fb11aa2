package org.herald.presence.compose;

import static org.herald.presence.Publications.ALICE;
import static org.herald.presence.Publications.pidf;
import static org.herald.presence.Publications.published;
import static org.herald.presence.compose.Clocks.FRESH;
import static org.herald.presence.compose.Clocks.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.herald.presence.pidf.Activities.Activity;
import org.herald.presence.pidf.Basic;
import org.herald.presence.pidf.Person;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.TimedStatus;
import org.herald.presence.pidf.Tuple;
import org.junit.jupiter.api.Test;

class FreshnessTest {
    private static final String TS = " xmlns:ts=\"urn:ietf:params:xml:ns:pidf:timed-status\"";

    @Test
    void rpidValuesThatEndedAreDroppedAndLaterOnesKept() {
        PresenceDocument d = compose(pidf("<dm:person id=\"p\">"
                + "<rpid:activities until=\"2025-01-01T00:05:00Z\"><rpid:meeting/></rpid:activities>"
                + "<rpid:activities from=\"2025-01-01T00:05:00Z\" until=\"2025-01-01T01:00:00Z\"><rpid:lunch/></rpid:activities>"
                + "<rpid:activities from=\"2025-01-02T09:00:00Z\"><rpid:travel/></rpid:activities>"
                + "<rpid:mood until=\"2025-01-01T00:10:00Z\"><rpid:happy/></rpid:mood><rpid:class>x</rpid:class></dm:person>"));
        Person p = d.persons().get(0);
        assertEquals(List.of(Activity.LUNCH, Activity.TRAVEL),
                p.rpid().activities().stream().map(a -> a.values().get(0)).toList());
        assertEquals(List.of(), p.rpid().moods(), "until is exclusive: at until the value no longer holds");
        assertEquals("x", p.rpid().classValue());
    }

    @Test
    void aTimedStatusThatBeganBecomesTheStatusAndOneThatEndedGoes() {
        PresenceDocument d = compose(pidf("<tuple id=\"t\"" + TS + "><status><basic>open</basic></status>"
                + "<ts:timed-status from=\"2024-12-31T00:00:00Z\" until=\"2025-01-01T00:00:00Z\"><ts:basic>closed</ts:basic></ts:timed-status>"
                + "<ts:timed-status from=\"2025-01-01T00:09:00Z\"><ts:basic>closed</ts:basic></ts:timed-status>"
                + "<ts:timed-status from=\"2025-02-01T00:00:00Z\"><ts:basic>open</ts:basic></ts:timed-status>"
                + "<contact>sip:a@x</contact></tuple>"));
        Tuple t = d.tuples().get(0);
        assertEquals(Basic.CLOSED, t.status().basic());
        assertEquals(List.of(Basic.OPEN), t.timedStatuses().stream().map(TimedStatus::basic).toList());
    }

    @Test
    void aMaximumAgeDropsElementsWithOlderTimestampsOnly() {
        Freshness day = new Freshness(InstantSource.fixed(NOW), Duration.ofDays(1));
        String xml = pidf("<tuple id=\"old\"><status/><timestamp>2024-12-30T00:00:00Z</timestamp></tuple>"
                + "<tuple id=\"new\"><status/><timestamp>2024-12-31T12:00:00Z</timestamp></tuple>"
                + "<tuple id=\"undated\"><status/></tuple>"
                + "<dm:person id=\"p\"><dm:timestamp>2024-01-01T00:00:00Z</dm:timestamp></dm:person>"
                + "<dm:device id=\"d\"><dm:deviceID>urn:a</dm:deviceID></dm:device>");
        PresenceDocument d = RankedComposer.union(day).compose(ALICE, List.of(published(1, xml)));
        assertEquals(List.of("new", "undated"), d.tuples().stream().map(Tuple::id).toList());
        assertEquals(List.of(), d.persons());
        assertEquals(1, d.devices().size());
        assertEquals(3, RankedComposer.union(FRESH).compose(ALICE, List.of(published(1, xml))).tuples().size(),
                "without a maximum age, timestamps are not judged");
    }

    private static PresenceDocument compose(String xml) {
        return RankedComposer.union(FRESH).compose(ALICE, List.of(published(1, xml)));
    }
}
