package org.herald.presence.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.herald.presence.pidf.PidfParser;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.sip.event.PublishedState;
import org.herald.sip.message.Aor;
import org.herald.sip.publish.Publication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked examples of docs/composition.md, from {@code src/test/resources/composition/}: in each
 * scenario, {@code N.xml} is published at 09:N0 UTC, everything is composed at 10:00 by each policy
 * listed in {@code policies}, and the result must be the model of the file named beside it.
 */
class CompositionExamplesTest {
    private static final Aor ALICE = Aor.parse("sip:alice@example.com");
    private static final Instant DAY = Instant.parse("2025-01-01T09:00:00Z");
    private static final Freshness AT_TEN = Freshness.at(InstantSource.fixed(DAY.plusSeconds(3600)));
    private final PidfParser parser = new PidfParser();

    static Stream<Arguments> examples() throws Exception {
        Path root = Path.of(CompositionExamplesTest.class.getResource("/composition").toURI());
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> scenarios = Files.list(root)) {
            for (Path scenario : scenarios.sorted().toList()) {
                for (String line : Files.readAllLines(scenario.resolve("policies"))) {
                    if (line.isBlank()) continue;
                    String[] parts = line.strip().split("\\s+");
                    out.add(Arguments.of(scenario.getFileName() + " " + parts[0], scenario, parts[0], parts[1]));
                }
            }
        }
        assertFalse(out.isEmpty());
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void composesAsDocumented(String name, Path scenario, String policy, String expected) throws Exception {
        List<PublishedState> live = new ArrayList<>();
        for (int n = 1; Files.exists(scenario.resolve(n + ".xml")); n++) {
            byte[] body = Files.readAllBytes(scenario.resolve(n + ".xml"));
            Instant at = DAY.plusSeconds(600L * n);
            Publication p = new Publication("pub-" + n, "etag-" + n, "presence", ALICE, "application/pidf+xml", body,
                    at.plusSeconds(3600), at, n);
            live.add(new PublishedState(p, new PresenceState(parser.parse(body))));
        }
        Composers composers = new Composers(PolicyStore.inMemory(), CompositionPolicy.parse(policy), AT_TEN,
                PublicationSource.DOCUMENT);
        PresenceDocument composed = composers.defaultComposer().compose(ALICE, live);
        assertEquals(parser.parse(Files.readAllBytes(scenario.resolve(expected))), composed);
    }
}
