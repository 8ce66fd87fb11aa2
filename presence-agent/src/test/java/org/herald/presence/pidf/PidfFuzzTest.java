package org.herald.presence.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.herald.sip.event.InvalidBodyException;
import org.junit.jupiter.api.Test;

/**
 * Mangled RFC examples, from a fixed seed: every one must be an answer (a document or an
 * InvalidBodyException with a one-line message), never another exception, and never a line on
 * standard error, which a hostile client could otherwise fill.
 */
class PidfFuzzTest {
    private static final String NOISE = "<>&;\"'=/:!?[]#x0 ";

    @Test
    void mangledDocumentsAreAnswered() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(getClass().getResource("/vectors").toURI()))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).toList()) seeds.add(Files.readAllBytes(f));
        }
        PidfParser parser = new PidfParser();
        Random random = new Random(3856);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            for (int i = 0; i < 20_000; i++) {
                byte[] b = mangle(seeds.get(random.nextInt(seeds.size())), random);
                try {
                    PresenceDocument d = parser.parse(b);
                    assertEquals(d, parser.parse(PidfWriter.write(d)));
                } catch (InvalidBodyException e) {
                    assertFalse(e.getMessage().contains("\n"), e.getMessage());
                }
            }
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(), "nothing printed to standard error");
    }

    private static byte[] mangle(byte[] seed, Random random) {
        byte[] b = seed.clone();
        for (int j = 1 + random.nextInt(4); j > 0 && b.length > 0; j--) {
            int k = random.nextInt(b.length);
            switch (random.nextInt(3)) {
                case 0 -> b[k] = (byte) random.nextInt(256);
                case 1 -> b[k] = (byte) NOISE.charAt(random.nextInt(NOISE.length()));
                default -> b = Arrays.copyOf(b, k);
            }
        }
        return b;
    }
}
