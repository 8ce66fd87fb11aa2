package org.herald.sip.message;

/**
 * The path a request arrived on: the transport and the remote address it came from. For reliable
 * transports this names the connection; NOTIFYs and proxied requests go back along it (RFC 5626
 * style), because the Contact of a client behind NAT or on a WebSocket is rarely reachable.
 */
public record Flow(Transport transport, String remoteHost, int remotePort) {

    /** A stable key for the flow, e.g. {@code tcp:127.0.0.1:40112}. */
    public String id() {
        return transport.token() + ":" + remoteHost + ":" + remotePort;
    }

    public static Flow parse(String id) {
        int first = id.indexOf(':');
        int last = id.lastIndexOf(':');
        if (first < 0 || last <= first) throw new IllegalArgumentException("not a flow id: " + id);
        return new Flow(Transport.of(id.substring(0, first)), id.substring(first + 1, last),
                Integer.parseInt(id.substring(last + 1)));
    }

    @Override
    public String toString() {
        return id();
    }
}
