package org.herald.presence.pidf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.herald.presence.xml.FragmentCapture;
import org.herald.presence.xml.SafeXml;
import org.herald.presence.xml.XmlFragment;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.InvalidBodyException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The RFC examples under {@code vectors/}: see its README for what each kind of file must do. */
class PidfVectorsTest {
    private final PidfParser parser = new PidfParser();

    static Stream<Named<Path>> vectors() throws Exception {
        Path root = Path.of(PidfVectorsTest.class.getResource("/vectors").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<Named<Path>> found = files.filter(p -> p.toString().endsWith(".xml")).sorted()
                    .map(p -> Named.of(root.relativize(p).toString(), p)).toList();
            assertFalse(found.isEmpty(), "no vectors found");
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void roundTrips(Path file) throws Exception {
        byte[] source = Files.readAllBytes(file);
        if (file.getFileName().toString().endsWith(".invalid.xml")) {
            assertThrows(InvalidBodyException.class, () -> parser.parse(source));
            return;
        }
        PresenceDocument first = parser.parse(source);
        byte[] written = PidfWriter.write(first);
        PresenceDocument second = parser.parse(written);
        assertEquals(first, second);
        assertArrayEquals(written, PidfWriter.write(second), "writing is stable");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void extensionsStandAloneAndMatchTheirSource(Path file) throws Exception {
        if (file.getFileName().toString().endsWith(".invalid.xml")) return;
        String source = Files.readString(file);
        for (XmlFragment fragment : fragments(parser.parse(source.getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(fragment, recapture(fragment), "a fragment parses alone and comes back identical");
            assertTrue(normalized(source).contains(normalized(fragment.xml())),
                    () -> "fragment differs from its source beyond namespace declarations and whitespace:\n"
                            + fragment.xml());
        }
    }

    private static List<XmlFragment> fragments(PresenceDocument document) {
        List<XmlFragment> all = new ArrayList<>(document.extensions());
        for (Tuple t : document.tuples()) {
            all.addAll(t.extensions());
            all.addAll(t.status().extensions());
        }
        return all;
    }

    static XmlFragment recapture(XmlFragment fragment) throws Exception {
        XMLStreamReader r = SafeXml.open(fragment.xml().getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT);
        while (r.next() != XMLStreamConstants.START_ELEMENT) { }
        return FragmentCapture.capture(r);
    }

    /** Without namespace declarations, and with each whitespace run as one space. */
    private static String normalized(String xml) {
        return xml.replaceAll("\\s+xmlns(:[\\w.-]+)?=\"[^\"]*\"", "").replaceAll("\\s+", " ");
    }
}
