package org.herald.bench.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** One unconnected UDP socket: the server may answer and NOTIFY from any of its addresses. */
public final class UdpTransport implements Transport {
    private final DatagramSocket socket;
    private final InetSocketAddress target;
    private final Thread reader;
    private final AtomicLong malformed = new AtomicLong();

    UdpTransport(String host, int port, Consumer<SipMessage> receiver) throws IOException {
        target = new InetSocketAddress(InetAddress.getByName(host), port);
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress().equals(target.getAddress())
                ? target.getAddress() : null, 0));
        socket.setReceiveBufferSize(4 << 20); // bursts of NOTIFYs must not be dropped by our own kernel buffer
        socket.setSendBufferSize(4 << 20);
        reader = Thread.ofPlatform().name("sip-udp-" + socket.getLocalPort()).daemon().start(() -> read(receiver));
    }

    private void read(Consumer<SipMessage> receiver) {
        byte[] buffer = new byte[SipParser.MAX_MESSAGE];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                if (packet.getLength() <= 4) continue; // keep-alive
                receiver.accept(SipParser.parse(buffer, 0, packet.getLength()));
            } catch (SipParser.Malformed e) {
                malformed.incrementAndGet();
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                malformed.incrementAndGet();
            }
        }
    }

    @Override
    public void send(byte[] message) throws IOException {
        socket.send(new DatagramPacket(message, message.length, target));
    }

    @Override
    public String local() {
        String ip = socket.getLocalAddress().isAnyLocalAddress() ? "127.0.0.1" : socket.getLocalAddress().getHostAddress();
        return ip + ":" + socket.getLocalPort();
    }

    @Override
    public String name() {
        return "UDP";
    }

    @Override
    public boolean reliable() {
        return false;
    }

    @Override
    public long malformed() {
        return malformed.get();
    }

    @Override
    public void close() {
        socket.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
