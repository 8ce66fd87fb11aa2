package org.herald.presence.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QValueTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0.8, 800, 0.8", "1.0, 1000, 1.0", "1, 1000, 1.0", "0.725, 725, 0.725", "0.65, 650, 0.65",
            "0, 0, 0.0", ".5, 500, 0.5", "0.500000, 500, 0.5", "0.1235, 124, 0.124", "0.9996, 1000, 1.0",
            "0., 0, 0.0", "' 0.1 ', 100, 0.1"})
    void readsAndWrites(String text, int thousandths, String written) {
        QValue q = QValue.parse(text);
        assertEquals(thousandths, q.thousandths());
        assertEquals(written, q.toString());
        assertEquals(q, QValue.parse(q.toString()));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", ".", "2", "1.001", "-0.5", "0,5", "1e-1", "NaN", "0.5x", "10.0"})
    void refuses(String text) {
        assertNull(QValue.parse(text));
    }
}
