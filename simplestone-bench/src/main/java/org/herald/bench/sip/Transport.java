package org.herald.bench.sip;

import java.io.IOException;
import java.util.function.Consumer;

/** One socket towards the system under test: sends whole messages, hands every received one to a consumer. */
public sealed interface Transport extends AutoCloseable permits UdpTransport, TcpTransport {

    void send(byte[] message) throws IOException;

    /** {@code ip:port} of our side, for Via and Contact. */
    String local();

    /** UDP, TCP or TLS, as written in Via. */
    String name();

    /** True when the transport itself is reliable, so requests are not retransmitted (RFC 3261 §17.1.2.2). */
    boolean reliable();

    /** Datagrams or messages that could not be parsed, for the report. */
    long malformed();

    @Override
    void close();

    static Transport open(String kind, String host, int port, Consumer<SipMessage> receiver) throws IOException {
        return switch (kind.toUpperCase(java.util.Locale.ROOT)) {
            case "UDP" -> new UdpTransport(host, port, receiver);
            case "TCP" -> new TcpTransport(host, port, receiver, false);
            case "TLS" -> new TcpTransport(host, port, receiver, true);
            default -> throw new IllegalArgumentException("unsupported transport " + kind);
        };
    }
}
