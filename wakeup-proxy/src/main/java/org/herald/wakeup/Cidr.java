package org.herald.wakeup;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 address range, {@code 10.20.0.0/16} or {@code fd00:1::/64}. */
public record Cidr(byte[] network, int prefix) {

    public Cidr {
        if (prefix < 0 || prefix > network.length * 8) throw new IllegalArgumentException("prefix /" + prefix + " out of range");
        network = network.clone();
    }

    /** Parses {@code address/prefix} (a bare address is a single host); literals only, never a DNS lookup. */
    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        byte[] address = literal(slash < 0 ? s : s.substring(0, slash));
        int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(s.substring(slash + 1));
        return new Cidr(address, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** The address of an IP literal; anything that would need DNS is refused. */
    static byte[] literal(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean looksLiteral = s.indexOf(':') >= 0 || s.matches("[0-9.]+");
        if (!looksLiteral || s.isEmpty()) throw new IllegalArgumentException("not an IP address: " + text);
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }
}
