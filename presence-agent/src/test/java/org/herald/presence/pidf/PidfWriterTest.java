package org.herald.presence.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.herald.presence.pidf.Activities.Activity;
import org.junit.jupiter.api.Test;

class PidfWriterTest {

    @Test
    void plainPidfDeclaresNothingItDoesNotUse() {
        PresenceDocument d = new PresenceDocument("pres:a@example.com", List.of(Tuple.of("t", Basic.OPEN, "sip:a@x")),
                List.of(), List.of());
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <presence xmlns="urn:ietf:params:xml:ns:pidf" entity="pres:a@example.com">
                <tuple id="t"><status><basic>open</basic></status><contact>sip:a@x</contact></tuple>
                </presence>
                """, PidfWriter.toXml(d));
    }

    @Test
    void writesTheDataModelInSchemaOrderWithItsPrefixesDeclaredOnce() {
        Instant t = Instant.parse("2030-05-01T10:00:00Z");
        Tuple tuple = Tuple.of("t", Basic.CLOSED, "sip:a@x").withDeviceIds(List.of("urn:uuid:1"))
                .withRpid(Rpid.NONE.withClassValue("work")).withTimestamp(t)
                .withTimedStatuses(List.of(new TimedStatus(t, null, Basic.OPEN, Note.of("back"), List.of())));
        Person person = new Person("p", Rpid.NONE.withUserInput(UserInput.of(UserInput.State.ACTIVE))
                .withActivities(List.of(Activities.of(Activity.BUSY).withTime(null, t))),
                new Cipid(null, List.of(new Note("Alice", "en")), null, null, null, null), List.of(),
                List.of(Note.of("hi")), t);
        Device device = new Device("d", "urn:uuid:1", Rpid.NONE, Cipid.NONE, List.of(), List.of(Note.of("PC")), null);
        PresenceDocument d = new PresenceDocument("pres:a@example.com", List.of(tuple), List.of(), List.of(),
                List.of(person), List.of(device));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" \
                xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" xmlns:c="urn:ietf:params:xml:ns:pidf:cipid" \
                xmlns:ts="urn:ietf:params:xml:ns:pidf:timed-status" entity="pres:a@example.com">
                <tuple id="t"><status><basic>closed</basic></status><dm:deviceID>urn:uuid:1</dm:deviceID>\
                <rpid:class>work</rpid:class><ts:timed-status from="2030-05-01T10:00:00Z"><ts:basic>open</ts:basic>\
                <ts:note>back</ts:note></ts:timed-status><contact>sip:a@x</contact>\
                <timestamp>2030-05-01T10:00:00Z</timestamp></tuple>
                <dm:person id="p"><rpid:activities until="2030-05-01T10:00:00Z"><rpid:busy/></rpid:activities>\
                <rpid:user-input>active</rpid:user-input><c:display-name xml:lang="en">Alice</c:display-name>\
                <dm:note>hi</dm:note><dm:timestamp>2030-05-01T10:00:00Z</dm:timestamp></dm:person>
                <dm:device id="d"><dm:deviceID>urn:uuid:1</dm:deviceID><dm:note>PC</dm:note></dm:device>
                </presence>
                """, PidfWriter.toXml(d));
    }
}
