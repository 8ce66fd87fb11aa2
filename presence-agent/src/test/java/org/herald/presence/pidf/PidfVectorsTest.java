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
    /** Vector folders of other formats (reginfo, watcher-info), run by their own tests. */
    private static final java.util.Set<String> NOT_PIDF = java.util.Set.of("rfc3680", "rfc3857", "rfc3858");

    static Stream<Named<Path>> vectors() throws Exception {
        Path root = Path.of(PidfVectorsTest.class.getResource("/vectors").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<Named<Path>> found = files.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> !NOT_PIDF.contains(root.relativize(p).getName(0).toString())).sorted()
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

    /** Every fragment, wherever the model keeps one. */
    static List<XmlFragment> fragments(PresenceDocument document) {
        List<XmlFragment> all = new ArrayList<>(document.extensions());
        for (Tuple t : document.tuples()) {
            all.addAll(t.extensions());
            all.addAll(t.status().extensions());
            all.addAll(fragments(t.rpid()));
            for (TimedStatus ts : t.timedStatuses()) all.addAll(ts.extensions());
        }
        for (Person p : document.persons()) {
            all.addAll(p.extensions());
            all.addAll(fragments(p.rpid()));
        }
        for (Device d : document.devices()) {
            all.addAll(d.extensions());
            all.addAll(fragments(d.rpid()));
        }
        return all;
    }

    private static List<XmlFragment> fragments(Rpid rpid) {
        List<XmlFragment> all = new ArrayList<>();
        rpid.activities().forEach(a -> all.addAll(a.extensions()));
        rpid.moods().forEach(m -> all.addAll(m.extensions()));
        rpid.placeIs().forEach(p -> all.addAll(p.extensions()));
        rpid.placeTypes().forEach(p -> all.addAll(p.types()));
        rpid.privacy().forEach(p -> all.addAll(p.extensions()));
        rpid.spheres().forEach(s -> all.addAll(s.extensions()));
        if (rpid.relationship() != null) all.addAll(rpid.relationship().extensions());
        if (rpid.serviceClass() != null) all.addAll(rpid.serviceClass().extensions());
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
