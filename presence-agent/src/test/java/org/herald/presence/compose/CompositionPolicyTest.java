package org.herald.presence.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CompositionPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"union", "overriding", "merge:contact", "merge:device-id", "timestamp",
            "source-priority:sip:alice@desk.example.com,urn:uuid:*", "device-activity"})
    void readsWhatItWrites(String text) {
        assertEquals(text, CompositionPolicy.parse(text).text());
    }

    @Test
    void readsTheShortForms() {
        assertEquals(new CompositionPolicy.Merge(CompositionPolicy.Pivot.CONTACT), CompositionPolicy.parse(" merge "));
        assertEquals(new CompositionPolicy.BySourcePriority(List.of("a", "b")), CompositionPolicy.parse("source-priority: a , b,"));
        assertEquals(CompositionPolicy.UNION, CompositionPolicy.parse("union"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            newest           | unknown composition policy newest
            merge:tuple      | merge pivot must be contact or device-id, not tuple
            union:x          | union takes no argument
            """)
    void refuses(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> CompositionPolicy.parse(text)).getMessage());
    }
}
