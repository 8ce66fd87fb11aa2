package org.herald.presence.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * RFC 4825 §6.3/§6.4: every row of {@code rfc4825/selections.txt} selects what it says in its
 * example document, or nothing (404), or does not parse (400).
 */
class NodeSelectorVectorsTest {

    static Stream<Named<String[]>> rows() {
        return Vectors.table("rfc4825/selections.txt").map(r -> Named.of(r[2] + (r[3].isEmpty() ? "" : "?" + r[3]) + " in " + r[0], r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void selects(String[] row) {
        Document doc = Vectors.dom("rfc4825/" + row[0]);
        String expected = row[4];
        if (expected.equals("400")) {
            XcapException e = assertThrows(XcapException.class,
                    () -> NodeSelector.parse(row[2], XcapUri.namespaceBindings(row[3]), row[1]));
            assertEquals(400, e.response().status(), e.getMessage());
            return;
        }
        NodeSelector selector = NodeSelector.parse(row[2], XcapUri.namespaceBindings(row[3]), row[1]);
        NodeOperations operations = new NodeOperations(doc, selector, k -> "");
        if (expected.equals("none")) {
            XcapException e = assertThrows(XcapException.class, operations::get);
            assertEquals(404, e.response().status());
            return;
        }
        NodeOperations.Read read = operations.get();
        String body = new String(read.body(), StandardCharsets.UTF_8);
        if (expected.startsWith("@")) {
            assertEquals(NodeOperations.ATTRIBUTE_TYPE, read.contentType());
            assertEquals(expected.substring(1), body);
        } else if (expected.startsWith("ns:")) {
            assertEquals(NodeOperations.NAMESPACES_TYPE, read.contentType());
            assertEquals(expected.substring(3), body);
        } else {
            assertEquals(NodeOperations.ELEMENT_TYPE, read.contentType());
            assertEquals(expected, body);
        }
    }
}
