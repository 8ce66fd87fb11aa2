package org.herald.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenceBodyTest {

    @Test
    void generatedBodyHasTheSizeAndItsVersion() {
        PresenceBody b = PresenceBody.generated(500, "r1");
        String v7 = b.render("sip:p1@localhost", 1, 7);
        String v8 = b.render("sip:p1@localhost", 1, 8);
        assertEquals(500, v7.getBytes(StandardCharsets.UTF_8).length);
        assertNotEquals(v7.replace("ss-v=7", ""), v8.replace("ss-v=8", "")); // basic and activity alternate too
        assertEquals(7, PresenceBody.version(v7, "r1"));
        assertEquals(0, PresenceBody.version(v7, "r2")); // another run's marker
        assertTrue(v7.contains("entity=\"sip:p1@localhost\""));
    }

    @Test
    void theNewestVersionWinsWhenTheServerMergedPublications() {
        assertEquals(12, PresenceBody.version("<note>run=a ss-v=9</note><note>SIMPLEStone p=1 run=a ss-v=12</note>", "a"));
        assertEquals(9, PresenceBody.version("<note>run=a ss-v=9</note><note>run=old ss-v=60</note>", "a")); // left over by an earlier run
        assertEquals(0, PresenceBody.version("<presence/>", "a"));
        assertEquals(0, PresenceBody.version("run=a ss-v=99999999999999999999", "a"));
    }

    @Test
    void templateFileMustCarryTheMarker(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.xml"), "<presence entity=\"{entity}\"><tuple id=\"a\"><status><basic>{basic}</basic></status><note>{marker}</note></tuple></presence>");
        assertEquals(3, PresenceBody.version(PresenceBody.fromFile(good, "r").render("sip:x@y", 0, 3), "r"));
        Path bad = Files.writeString(dir.resolve("bad.xml"), "<presence/>");
        assertThrows(IllegalArgumentException.class, () -> PresenceBody.fromFile(bad, "r"));
    }
}
