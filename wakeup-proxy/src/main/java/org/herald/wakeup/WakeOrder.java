package org.herald.wakeup;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * One wake-up order from the push gateway: {@code {"ip": "10.20.1.7", "port": 5000, "protocol": "udp"}}.
 * {@code udp} sends one datagram; {@code tcp} opens a connection and closes it, as a ping.
 */
public record WakeOrder(InetAddress ip, int port, Protocol protocol) {

    public enum Protocol { UDP, TCP }

    public WakeOrder {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1-65535");
    }

    /** Reads an order; every mistake is an IllegalArgumentException with a message for the client. */
    public static WakeOrder of(JsonNode json) {
        if (json == null || !json.isObject()) throw new IllegalArgumentException("expected a JSON object");
        JsonNode ip = json.get("ip");
        JsonNode port = json.get("port");
        if (ip == null || !ip.isTextual()) throw new IllegalArgumentException("ip: an IPv4 or IPv6 address is required");
        if (port == null || !port.canConvertToInt()) throw new IllegalArgumentException("port: a number is required");
        String protocol = json.path("protocol").asText("udp");
        Protocol p = switch (protocol) {
            case "udp" -> Protocol.UDP;
            case "tcp" -> Protocol.TCP;
            default -> throw new IllegalArgumentException("protocol: udp or tcp");
        };
        try {
            return new WakeOrder(InetAddress.getByAddress(Cidr.literal(ip.asText())), port.asInt(), p);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("ip: not an address");
        }
    }

    public InetSocketAddress target() {
        return new InetSocketAddress(ip, port);
    }

    /** The device this order is for, as de-duplication sees it. */
    String device() {
        return protocol.name().toLowerCase() + ":" + ip.getHostAddress() + ":" + port;
    }
}
