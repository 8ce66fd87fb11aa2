package org.herald.presence.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.herald.presence.xml.XmlLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 4661 filters as vectors: each folder under {@code vectors/rfc4661/} has a filter set, the view
 * before (none: the NOTIFY answering the SUBSCRIBE) and after a change, and the expected body (or
 * {@code quiet} when no trigger fires).
 */
class FilterVectorsTest {

    static Stream<String> vectors() throws IOException, URISyntaxException {
        Path root = Path.of(FilterVectorsTest.class.getResource("/vectors/rfc4661").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vector(String name) throws Exception {
        Path dir = Path.of(getClass().getResource("/vectors/rfc4661/" + name).toURI());
        FilterSet set = new FilterParser("presence").parse(Files.readAllBytes(dir.resolve("filter")));
        Snapshot before = Files.exists(dir.resolve("before"))
                ? Snapshot.of(Files.readAllBytes(dir.resolve("before")), XmlLimits.DEFAULT) : null;
        Snapshot after = Snapshot.of(Files.readAllBytes(dir.resolve("after")), XmlLimits.DEFAULT);
        String expected = Files.readString(dir.resolve("expected")).trim();
        Filtering.Outcome outcome = Filtering.apply(set.filters(), before, after);
        if (expected.equals("quiet")) {
            assertInstanceOf(Filtering.Outcome.Quiet.class, outcome);
        } else {
            byte[] body = assertInstanceOf(Filtering.Outcome.Send.class, outcome).body();
            assertEquals(expected, new String(body, StandardCharsets.UTF_8).trim());
        }
    }
}
