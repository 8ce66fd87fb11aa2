package org.herald.presence.winfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The watcher-info examples of RFC 3857 and RFC 3858 (see {@code vectors/winfo-reginfo.md}). */
class WatcherInfoVectorsTest {

    static Stream<Named<Path>> vectors() throws Exception {
        Path root = Path.of(WatcherInfoVectorsTest.class.getResource("/vectors").toURI());
        List<Named<Path>> found;
        try (Stream<Path> files = Stream.concat(Files.list(root.resolve("rfc3857")), Files.list(root.resolve("rfc3858")))) {
            found = files.filter(p -> p.toString().endsWith(".xml")).sorted()
                    .map(p -> Named.of(root.relativize(p).toString(), p)).toList();
        }
        assertFalse(found.isEmpty(), "no vectors found");
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void roundTrips(Path file) throws Exception {
        WatcherInfo first = WatcherInfoReader.read(Files.readAllBytes(file));
        assertFalse(first.lists().isEmpty());
        byte[] written = WatcherInfoWriter.write(first);
        WatcherInfo second = WatcherInfoReader.read(written);
        assertEquals(first, second);
        assertArrayEquals(written, WatcherInfoWriter.write(second), "writing is stable");
    }

    @Test
    void rfc3858ExampleSaysWhatTheRfcSays() throws Exception {
        WatcherInfo info = read("rfc3858/example.xml");
        assertEquals(0, info.version());
        assertTrue(info.full());
        WatcherList list = info.lists().get(0);
        assertEquals("sip:professor@example.net", list.resource());
        assertEquals("presence", list.packageName());
        assertEquals(List.of(
                new Watcher("8ajksjda7s", "sip:userA@example.net", null, WatcherStatus.ACTIVE, WatcherEvent.APPROVED, 509L, null),
                new Watcher("hh8juja87s997-ass7", "sip:userB@example.org", "Mr. Subscriber", WatcherStatus.PENDING,
                        WatcherEvent.SUBSCRIBE, null, null)), list.watchers());
    }

    @Test
    void rfc3857ExampleIsOnePendingWatcher() throws Exception {
        WatcherInfo info = read("rfc3857/pending-watcher.xml");
        assertEquals(List.of(new Watcher("7768a77s", "sip:A@example.com", null, WatcherStatus.PENDING,
                WatcherEvent.SUBSCRIBE, null, null)), info.lists().get(0).watchers());
        assertEquals("sip:B@example.com", info.lists().get(0).resource());
    }

    private static WatcherInfo read(String name) throws Exception {
        return WatcherInfoReader.read(Files.readAllBytes(Path.of(WatcherInfoVectorsTest.class.getResource("/vectors/" + name).toURI())));
    }
}
