package org.herald.presence.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XsDateTimeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2001-10-27T16:49:29Z,             2001-10-27T16:49:29Z",
            "2005-05-30T16:09:44+05:00,        2005-05-30T11:09:44Z",
            "2004-10-21T13:20:00-05:00,        2004-10-21T18:20:00Z",
            "2008-09-11T20:42:03.125Z,         2008-09-11T20:42:03.125Z",
            "2008-09-11T20:42:03.1234567891Z,  2008-09-11T20:42:03.123456789Z",
            "2008-09-11T20:42:03,              2008-09-11T20:42:03Z",
            "2024-12-31T24:00:00Z,             2025-01-01T00:00:00Z",
            "' 2001-10-27T16:49:29Z ',         2001-10-27T16:49:29Z",
            "2001-10-27T16:49:29+14:00,        2001-10-27T02:49:29Z",
            "12001-10-27T16:49:29Z,            +12001-10-27T16:49:29Z",
    })
    void reads(String text, String expected) {
        assertEquals(Instant.parse(expected), XsDateTime.parse(text));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "yesterday", "2001-10-27", "2001-10-27 16:49:29Z", "2001-10-27T16:49Z",
            "01-10-27T16:49:29Z", "02001-10-27T16:49:29Z", "0000-10-27T16:49:29Z", "-0001-10-27T16:49:29Z",
            "2001-13-27T16:49:29Z", "2001-02-29T16:49:29Z", "2001-10-27T25:00:00Z", "2001-10-27T24:00:01Z",
            "2001-10-27T16:60:29Z", "2001-10-27T16:49:29.Z", "2001-10-27T16:49:29+15:00", "2001-10-27T16:49:29+0500",
            "2001-10-27T16:49:29Zjunk", "2001-10-27t16:49:29z"})
    void refuses(String text) {
        assertNull(XsDateTime.parse(text));
    }
}
