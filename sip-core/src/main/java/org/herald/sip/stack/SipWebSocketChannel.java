package org.herald.sip.stack;

import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioWebSocketMessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.WebSocketCodec;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.channels.SocketChannel;

/**
 * JAIN-SIP's WebSocket channel (RFC 7118) with Herald's frame decoding: its own codec misreads a
 * control frame that shares a read with a SIP message, ignores pings, and after echoing a Close never
 * closes the TCP connection (RFC 6455 §5.5.1 says the server must), so a politely closed browser tab
 * kept its binding. The codec is a private field of the JAIN-SIP class, hence the one reflective set.
 *
 * <p>When the client sends Close, requests that came before it are still answered: Herald waits
 * {@link #CLOSE_GRACE} before it sends its own Close and closes the connection.
 */
final class SipWebSocketChannel extends NioWebSocketMessageChannel {
    static final java.time.Duration CLOSE_GRACE = java.time.Duration.ofMillis(500);
    private static final java.util.concurrent.ScheduledExecutorService CLOSER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "herald-ws-close");
                t.setDaemon(true);
                return t;
            });

    private final Codec codec;
    private boolean closeScheduled;

    SipWebSocketChannel(SIPTransactionStack stack, NioTcpMessageProcessor processor, SocketChannel socket, int maxMessage)
            throws IOException {
        super(stack, processor, socket);
        this.codec = new Codec(maxMessage);
        try {
            Field field = NioWebSocketMessageChannel.class.getDeclaredField("codec");
            field.setAccessible(true);
            field.set(this, codec);
        } catch (ReflectiveOperationException e) {
            throw new IOException("this JAIN-SIP has no WebSocket codec field to replace", e);
        }
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        super.addBytes(bytes); // the HTTP upgrade, then decode() below for every frame
        if (codec.violated) {
            close(true, true);
        } else if (codec.closing && !closeScheduled) {
            closeScheduled = true;
            CLOSER.schedule(this::closeHandshake, CLOSE_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Writes the Close straight to the socket (the stack's send queue could lose it to the close). */
    private void closeHandshake() {
        try {
            socketChannel.write(java.nio.ByteBuffer.wrap(WebSocketFrames.frame(WebSocketFrames.CLOSE, new byte[0])));
        } catch (IOException gone) {
            // the client did not wait: nothing left to say
        }
        close(true, true);
    }

    private final class Codec extends WebSocketCodec {
        private final WebSocketFrames frames;
        /** The client sent Close: read nothing more, answer what came before, then close. */
        volatile boolean closing;
        volatile boolean violated;

        Codec(int maxMessage) {
            super(true, false);
            this.frames = new WebSocketFrames(maxMessage);
        }

        /** Called by the channel until it returns null; takes what the stream holds the first time. */
        @Override
        public byte[] decode(InputStream in) throws Exception {
            byte[] chunk = in.readAllBytes();
            if (closing || violated) return null;
            frames.feed(chunk, chunk.length);
            while (true) {
                switch (frames.next()) {
                    case WebSocketFrames.Frame.Message m -> {
                        return m.payload();
                    }
                    case WebSocketFrames.Frame.Ping p -> sendNonWebSocketMessage(WebSocketFrames.frame(WebSocketFrames.PONG, p.payload()), false);
                    case WebSocketFrames.Frame.Close c -> {
                        closing = true;
                        return null;
                    }
                    case WebSocketFrames.Frame.Violation v -> {
                        violated = true;
                        return null;
                    }
                    case WebSocketFrames.Frame.Incomplete i -> {
                        return null;
                    }
                }
            }
        }

        /** Always false: JAIN-SIP would answer a Close at once; Herald does it after the grace period. */
        @Override
        public boolean isCloseOpcodeReceived() {
            return false;
        }
    }
}
