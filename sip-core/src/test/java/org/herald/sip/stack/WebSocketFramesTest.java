package org.herald.sip.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6455 framing as clients send it: masked, possibly fragmented, with control frames in between. */
class WebSocketFramesTest {
    private final WebSocketFrames frames = new WebSocketFrames(1 << 20);

    /** A masked client frame (RFC 6455 §5.3), here with mask 37 fa 21 3d as in §5.7's example. */
    private static byte[] clientFrame(boolean fin, int opcode, byte[] payload) {
        byte[] mask = {0x37, (byte) 0xfa, 0x21, 0x3d};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(0x80 | n);
        } else {
            out.write(0x80 | 126);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        }
        out.writeBytes(mask);
        for (int i = 0; i < n; i++) out.write(payload[i] ^ mask[i & 3]);
        return out.toByteArray();
    }

    private void feed(byte[]... parts) {
        for (byte[] p : parts) frames.feed(p, p.length);
    }

    @Test
    void decodesTheRfc6455MaskedHelloExample() {
        // RFC 6455 §5.7: "A single-frame masked text message" containing "Hello"
        feed(new byte[] {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58});
        var m = assertInstanceOf(WebSocketFrames.Frame.Message.class, frames.next());
        assertArrayEquals("Hello".getBytes(StandardCharsets.US_ASCII), m.payload());
    }

    @Test
    void aCloseRightBehindAMessageInTheSameReadIsSeen() {
        byte[] sip = "OPTIONS sip:x SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] both = concat(clientFrame(true, 1, sip), clientFrame(true, 8, new byte[0]));
        feed(both);
        assertArrayEquals(sip, assertInstanceOf(WebSocketFrames.Frame.Message.class, frames.next()).payload());
        assertInstanceOf(WebSocketFrames.Frame.Close.class, frames.next());
    }

    @Test
    void gathersFragmentsAcrossReadsAroundAPing() {
        byte[] first = clientFrame(false, 1, "REGISTER ".getBytes(StandardCharsets.US_ASCII));
        byte[] ping = clientFrame(true, 9, "p".getBytes(StandardCharsets.US_ASCII));
        byte[] last = clientFrame(true, 0, "x".repeat(300).getBytes(StandardCharsets.US_ASCII));
        byte[] all = concat(first, concat(ping, last));
        feed(java.util.Arrays.copyOfRange(all, 0, 7));
        assertInstanceOf(WebSocketFrames.Frame.Incomplete.class, frames.next());
        feed(java.util.Arrays.copyOfRange(all, 7, all.length));
        assertArrayEquals("p".getBytes(StandardCharsets.US_ASCII),
                assertInstanceOf(WebSocketFrames.Frame.Ping.class, frames.next()).payload());
        assertArrayEquals(("REGISTER " + "x".repeat(300)).getBytes(StandardCharsets.US_ASCII),
                assertInstanceOf(WebSocketFrames.Frame.Message.class, frames.next()).payload());
    }

    @Test
    void unmaskedOrOversizedFramesAreViolations() {
        feed(new byte[] {(byte) 0x81, 0x01, 0x41});
        assertInstanceOf(WebSocketFrames.Frame.Violation.class, frames.next());
        WebSocketFrames small = new WebSocketFrames(10);
        byte[] big = clientFrame(true, 1, new byte[11]);
        small.feed(big, big.length);
        assertInstanceOf(WebSocketFrames.Frame.Violation.class, small.next());
    }

    @Test
    void serverFramesAreUnmaskedWithTheRightLength() {
        assertArrayEquals(new byte[] {(byte) 0x8A, 0x02, 'h', 'i'}, WebSocketFrames.frame(0xA, "hi".getBytes(StandardCharsets.US_ASCII)));
        byte[] long1 = WebSocketFrames.frame(0x1, new byte[300]);
        assertArrayEquals(new byte[] {(byte) 0x81, 126, 0x01, 0x2C}, java.util.Arrays.copyOf(long1, 4));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
