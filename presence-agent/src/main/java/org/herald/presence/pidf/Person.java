package org.herald.presence.pidf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.herald.presence.xml.XmlFragment;

/**
 * An RFC 4479 {@code <dm:person>}: the human being behind the presentity, with what RPID and CIPID say
 * about them. Several may appear (occurrences modelling ambiguity, §3.5); composition decides how many
 * a watcher sees.
 *
 * @param id         the occurrence id; required
 * @param rpid       RPID values
 * @param cipid      CIPID values
 * @param extensions children of other namespaces, verbatim, in document order
 * @param notes      {@code <dm:note>}s
 * @param timestamp  {@code <dm:timestamp>}, when it last changed, or null
 */
public record Person(String id, Rpid rpid, Cipid cipid, List<XmlFragment> extensions, List<Note> notes,
                     Instant timestamp) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rpid, "rpid");
        Objects.requireNonNull(cipid, "cipid");
        extensions = List.copyOf(extensions);
        notes = List.copyOf(notes);
    }

    /** A person with only RPID values. */
    public static Person of(String id, Rpid rpid) {
        return new Person(id, rpid, Cipid.NONE, List.of(), List.of(), null);
    }

    public Person withRpid(Rpid next) {
        return new Person(id, next, cipid, extensions, notes, timestamp);
    }

    public Person withCipid(Cipid next) {
        return new Person(id, rpid, next, extensions, notes, timestamp);
    }

    public Person withExtensions(List<XmlFragment> next) {
        return new Person(id, rpid, cipid, next, notes, timestamp);
    }

    public Person withNotes(List<Note> next) {
        return new Person(id, rpid, cipid, extensions, next, timestamp);
    }

    public Person withTimestamp(Instant next) {
        return new Person(id, rpid, cipid, extensions, notes, next);
    }
}
