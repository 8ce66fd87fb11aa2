package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.herald.presence.xml.XmlFragment;

/**
 * An RFC 4479 {@code <dm:device>}: a physical device services run on, named by its device ID so that
 * tuples ({@link Tuple#deviceIds()}) and publications from different clients can refer to it.
 *
 * @param id         the occurrence id; required
 * @param deviceId   {@code <dm:deviceID>}, a URN such as {@code urn:uuid:...}; required
 * @param rpid       RPID values, typically user input
 * @param cipid      CIPID values (not defined for devices by RFC 4482, kept if sent)
 * @param extensions children of other namespaces, verbatim, in document order
 * @param notes      {@code <dm:note>}s
 * @param timestamp  {@code <dm:timestamp>}, when it last changed, or null
 */
public record Device(String id, String deviceId, Rpid rpid, Cipid cipid, List<XmlFragment> extensions,
                     List<Note> notes, Instant timestamp) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(rpid, "rpid");
        Objects.requireNonNull(cipid, "cipid");
        extensions = List.copyOf(extensions);
        notes = List.copyOf(notes);
    }

    public static Device of(String id, String deviceId, Rpid rpid) {
        return new Device(id, deviceId, rpid, Cipid.NONE, List.of(), List.of(), null);
    }

    public Device withRpid(Rpid next) {
        return new Device(id, deviceId, next, cipid, extensions, notes, timestamp);
    }

    public Device withCipid(Cipid next) {
        return new Device(id, deviceId, rpid, next, extensions, notes, timestamp);
    }

    public Device withExtensions(List<XmlFragment> next) {
        return new Device(id, deviceId, rpid, cipid, next, notes, timestamp);
    }

    public Device withNotes(List<Note> next) {
        return new Device(id, deviceId, rpid, cipid, extensions, next, timestamp);
    }

    public Device withTimestamp(Instant next) {
        return new Device(id, deviceId, rpid, cipid, extensions, notes, next);
    }
}
