package org.herald.wakeup;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A mobile operator network this proxy sits in: its MCC/MNC, an optional id for operators with
 * several private subnetworks, and the device address ranges it can reach.
 */
public record Network(String mcc, String mnc, String id, List<Cidr> ranges) {

    public Network {
        Objects.requireNonNull(mcc, "mcc");
        Objects.requireNonNull(mnc, "mnc");
        if (!mcc.matches("[0-9]{3}") || !mnc.matches("[0-9]{2,3}")) throw new IllegalArgumentException("MCC is 3 digits, MNC 2 or 3");
        id = id == null ? "" : id;
        ranges = List.copyOf(ranges);
    }

    /** Whether a device at this address is reachable from here; a network without ranges reaches every address. */
    public boolean reaches(InetAddress address) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(address));
    }
}
