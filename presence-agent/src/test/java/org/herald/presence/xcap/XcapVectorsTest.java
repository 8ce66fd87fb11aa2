package org.herald.presence.xcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.stream.Stream;
import org.herald.presence.xcap.store.MemoryXcapDocumentStore;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The RFC 4826, 5025 and 4827 documents under {@code xcap/vectors/}: see its README. */
class XcapVectorsTest {
    private static final Aor ALICE = Aor.parse("alice@example.com");

    static Stream<Named<Path>> documents() {
        return Stream.of("rfc4826", "rfc5025", "rfc4827").flatMap(f -> Vectors.documents(f).stream())
                .map(p -> Named.of(p.getParent().getFileName() + "/" + p.getFileName(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void putAsAWholeDocument(Path file) throws Exception {
        String[] parts = file.getFileName().toString().split("\\.");
        String auid = parts[0];
        String expectedError = parts.length > 2 && Arrays.stream(XcapConflict.Condition.values())
                .anyMatch(c -> c.element().equals(parts[parts.length - 2])) ? parts[parts.length - 2] : null;
        byte[] body = Files.readAllBytes(file);
        MemoryXcapDocumentStore store = new MemoryXcapDocumentStore();
        XcapService xcap = new XcapService(store, XcapChangeListener.NONE, XcapLimits.DEFAULT, InstantSource.system());
        String path = "/" + auid + "/users/sip:alice@example.com/index";
        String mime = xcap.usages().find(auid).orElseThrow().mimeType();

        XcapResponse put = xcap.handle(XcapRequest.put(path, mime, body, ALICE));

        if (expectedError == null) {
            assertEquals(201, put.status(), put.bodyText());
            XcapResponse get = xcap.handle(XcapRequest.get(path, ALICE));
            assertEquals(200, get.status());
            assertEquals(mime, get.header("Content-Type").orElseThrow());
            assertEquals(put.header("ETag"), get.header("ETag"));
            assertArrayEquals(body, get.body());
        } else {
            assertEquals(409, put.status(), put.bodyText());
            assertEquals(XcapConflict.MIME_TYPE, put.header("Content-Type").orElseThrow());
            assertTrue(put.bodyText().contains("<" + expectedError), put.bodyText());
            assertTrue(store.ofUser("sip:alice@example.com").isEmpty(), "nothing is stored");
            XcapErrorSchemaCheck.assertValid(put.body());
        }
    }
}
