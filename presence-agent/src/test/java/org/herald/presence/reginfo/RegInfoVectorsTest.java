package org.herald.presence.reginfo;

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

/** The reginfo examples of RFC 3680 (see {@code vectors/winfo-reginfo.md}). */
class RegInfoVectorsTest {

    static Stream<Named<Path>> vectors() throws Exception {
        Path root = Path.of(RegInfoVectorsTest.class.getResource("/vectors").toURI());
        List<Named<Path>> found;
        try (Stream<Path> files = Files.list(root.resolve("rfc3680"))) {
            found = files.filter(p -> p.toString().endsWith(".xml")).sorted()
                    .map(p -> Named.of(root.relativize(p).toString(), p)).toList();
        }
        assertFalse(found.isEmpty(), "no vectors found");
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void roundTrips(Path file) throws Exception {
        RegInfo first = RegInfoReader.read(Files.readAllBytes(file));
        assertFalse(first.registrations().isEmpty());
        byte[] written = RegInfoWriter.write(first);
        RegInfo second = RegInfoReader.read(written);
        assertEquals(first, second);
        assertArrayEquals(written, RegInfoWriter.write(second), "writing is stable");
    }

    @Test
    void theExampleHasAnActiveAndAnExpiredContact() throws Exception {
        RegistrationElement r = read("rfc3680/example.xml").registrations().get(0);
        assertEquals("sip:user@example.com", r.aor());
        assertEquals(RegistrationState.ACTIVE, r.state());
        assertEquals(List.of(
                new ContactElement("76", ContactState.ACTIVE, ContactEvent.REGISTERED, 7322L, null, null, "0.8", null, null,
                        "sip:user@pc887.example.com", null, List.of()),
                new ContactElement("77", ContactState.TERMINATED, ContactEvent.EXPIRED, 3600L, null, null, "0.5", null, null,
                        "sip:user@university.edu", null, List.of())), r.contacts());
    }

    @Test
    void theExampleFlowGoesFromInitToAPartialActiveRegistration() throws Exception {
        RegInfo initial = read("rfc3680/flow-initial.xml");
        assertTrue(initial.full());
        assertEquals(0, initial.version());
        assertEquals(RegistrationState.INIT, initial.registrations().get(0).state());
        assertTrue(initial.registrations().get(0).contacts().isEmpty());

        RegInfo registered = read("rfc3680/flow-registered.xml");
        assertFalse(registered.full());
        assertEquals(1, registered.version());
        RegistrationElement r = registered.registrations().get(0);
        assertEquals(RegistrationState.ACTIVE, r.state());
        assertEquals("a7", r.id());
        ContactElement c = r.contacts().get(0);
        assertEquals(ContactEvent.REGISTERED, c.event());
        assertEquals(0L, c.durationRegistered());
        assertEquals("sip:joe@pc34.example.com", c.uri());
    }

    private static RegInfo read(String name) throws Exception {
        return RegInfoReader.read(Files.readAllBytes(Path.of(RegInfoVectorsTest.class.getResource("/vectors/" + name).toURI())));
    }
}
