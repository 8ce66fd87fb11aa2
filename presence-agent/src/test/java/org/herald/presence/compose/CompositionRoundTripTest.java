package org.herald.presence.compose;

import static org.herald.presence.Publications.ALICE;
import static org.herald.presence.compose.Clocks.FRESH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.herald.presence.Publications;
import org.herald.presence.pidf.PidfParser;
import org.herald.presence.pidf.PidfVectorsAccess;
import org.herald.presence.pidf.PidfWriter;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.xml.XmlFragment;
import org.herald.sip.event.PublishedState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every RFC example published at once for one presentity, composed by every policy: the result is a
 * document Herald itself accepts, it round-trips, and every extension it carries is one that was
 * published, unchanged.
 */
class CompositionRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"union", "overriding", "merge:contact", "merge:device-id", "timestamp",
            "source-priority:sip:someone@example.com,urn:*", "device-activity"})
    void composesTheRfcExamplesIntoAValidDocumentThatKeepsTheirExtensions(String policy) throws Exception {
        List<PublishedState> live = new ArrayList<>();
        Set<XmlFragment> published = new HashSet<>();
        PidfParser parser = new PidfParser();
        for (Path f : PidfVectorsAccess.vectors()) {
            if (!f.toString().endsWith(".invalid.xml")) {
                String xml = Files.readString(f, StandardCharsets.UTF_8);
                live.add(Publications.published(ALICE, live.size() + 1, xml));
                published.addAll(PidfVectorsAccess.fragments(parser.parse(xml.getBytes(StandardCharsets.UTF_8))));
            }
        }
        Composers composers = new Composers(PolicyStore.inMemory(), CompositionPolicy.parse(policy), FRESH,
                PublicationSource.DOCUMENT);
        PresenceDocument composed = composers.defaultComposer().compose(ALICE, live);
        PresenceDocument reparsed = parser.parse(PidfWriter.write(composed));
        assertEquals(composed, reparsed);
        for (XmlFragment f : PidfVectorsAccess.fragments(composed)) {
            assertTrue(published.contains(f), () -> "not published as such: " + f.xml());
        }
        assertTrue(!composed.tuples().isEmpty() && !composed.persons().isEmpty() && !composed.devices().isEmpty());
    }
}
