package org.herald.sip.stack;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A server-side RFC 6455 frame decoder: bytes in, whole messages and control frames out. It replaces
 * JAIN-SIP's codec, which loses the first byte of whatever follows a frame in the same read (so a
 * Close or Ping right behind a SIP message is misread) and never lets the connection close.
 */
final class WebSocketFrames {
    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;

    /** What the next complete frame (or message) is. */
    sealed interface Frame {
        /** A whole text or binary message: a SIP message. */
        record Message(byte[] payload) implements Frame {}

        record Ping(byte[] payload) implements Frame {}

        record Close() implements Frame {}

        /** Not enough bytes yet. */
        record Incomplete() implements Frame {}

        /** The peer broke the protocol (unmasked frame, oversized message): close the connection. */
        record Violation(String why) implements Frame {}
    }

    private final int maxMessage;
    private byte[] buffer = new byte[4096];
    private int length;
    private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();

    WebSocketFrames(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    void feed(byte[] bytes, int count) {
        if (length + count > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        System.arraycopy(bytes, 0, buffer, length, count);
        length += count;
    }

    /** The next frame, skipping pongs and gathering fragments. */
    Frame next() {
        while (true) {
            if (length < 2) return new Frame.Incomplete();
            boolean fin = (buffer[0] & 0x80) != 0;
            int opcode = buffer[0] & 0x0F;
            boolean masked = (buffer[1] & 0x80) != 0;
            long size = buffer[1] & 0x7F;
            int header = 2;
            if (size == 126) {
                if (length < 4) return new Frame.Incomplete();
                size = ((buffer[2] & 0xFF) << 8) | (buffer[3] & 0xFF);
                header = 4;
            } else if (size == 127) {
                if (length < 10) return new Frame.Incomplete();
                size = 0;
                for (int i = 2; i < 10; i++) size = (size << 8) | (buffer[i] & 0xFF);
                header = 10;
            }
            if (!masked) return new Frame.Violation("client frames must be masked (RFC 6455 §5.1)");
            if (size < 0 || size + fragments.size() > maxMessage) return new Frame.Violation("message too large");
            int total = header + 4 + (int) size;
            if (length < total) return new Frame.Incomplete();
            byte[] payload = new byte[(int) size];
            for (int i = 0; i < size; i++) payload[i] = (byte) (buffer[header + 4 + i] ^ buffer[header + (i & 3)]);
            System.arraycopy(buffer, total, buffer, 0, length - total);
            length -= total;
            switch (opcode) {
                case OP_CLOSE -> {
                    return new Frame.Close();
                }
                case OP_PING -> {
                    return new Frame.Ping(payload);
                }
                case OP_PONG -> {
                    continue;
                }
                default -> {
                    if (opcode != OP_CONTINUATION && fragments.size() > 0) return new Frame.Violation("interleaved message");
                    fragments.writeBytes(payload);
                    if (!fin) continue;
                    byte[] message = fragments.toByteArray();
                    fragments.reset();
                    return new Frame.Message(message);
                }
            }
        }
    }

    /** An unmasked server frame (FIN set) with the given opcode. */
    static byte[] frame(int opcode, byte[] payload) {
        int n = payload.length;
        int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
        byte[] out = new byte[header + n];
        out[0] = (byte) (0x80 | opcode);
        if (n < 126) {
            out[1] = (byte) n;
        } else if (n < 65536) {
            out[1] = 126;
            out[2] = (byte) (n >>> 8);
            out[3] = (byte) n;
        } else {
            out[1] = 127;
            for (int i = 0; i < 8; i++) out[9 - i] = (byte) ((long) n >>> (8 * i));
        }
        System.arraycopy(payload, 0, out, header, n);
        return out;
    }

    static final int PONG = OP_PONG;
    static final int CLOSE = OP_CLOSE;
}
