package org.herald.wakeup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

/** Reaches a device: one UDP datagram, or a TCP connection opened and closed. */
public interface Sender extends AutoCloseable {

    void datagram(InetSocketAddress device, byte[] payload) throws IOException;

    void ping(InetSocketAddress device, Duration timeout) throws IOException;

    @Override
    default void close() {}

    /** Real sockets: one dual-stack datagram channel for every datagram, a fresh socket per TCP ping. */
    static Sender sockets() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        return new Sender() {
            @Override
            public void datagram(InetSocketAddress device, byte[] payload) throws IOException {
                synchronized (channel) {
                    channel.send(ByteBuffer.wrap(payload), device);
                }
            }

            @Override
            public void ping(InetSocketAddress device, Duration timeout) throws IOException {
                try (Socket s = new Socket()) {
                    s.connect(device, (int) timeout.toMillis());
                }
            }

            @Override
            public void close() {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        };
    }
}
