package org.herald.sip.message;

import java.util.Map;

/** Reason phrases for the status codes Herald sends (RFC 3261 §21 and the event RFCs). */
public final class StatusReasons {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Trying"), Map.entry(110, "Push sent"), Map.entry(180, "Ringing"),
            Map.entry(200, "OK"), Map.entry(202, "Accepted"), Map.entry(204, "No Notification"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(407, "Proxy Authentication Required"), Map.entry(408, "Request Timeout"),
            Map.entry(412, "Conditional Request Failed"), Map.entry(413, "Request Entity Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(416, "Unsupported URI Scheme"),
            Map.entry(420, "Bad Extension"), Map.entry(421, "Extension Required"),
            Map.entry(423, "Interval Too Brief"), Map.entry(480, "Temporarily Unavailable"),
            Map.entry(481, "Call/Transaction Does Not Exist"), Map.entry(482, "Loop Detected"),
            Map.entry(483, "Too Many Hops"), Map.entry(484, "Address Incomplete"), Map.entry(486, "Busy Here"),
            Map.entry(487, "Request Terminated"), Map.entry(489, "Bad Event"), Map.entry(491, "Request Pending"),
            Map.entry(500, "Server Internal Error"), Map.entry(501, "Not Implemented"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Server Time-out"),
            Map.entry(505, "Version Not Supported"), Map.entry(513, "Message Too Large"),
            Map.entry(555, "Push Notification Service Not Supported"),
            Map.entry(600, "Busy Everywhere"), Map.entry(603, "Decline"));

    private StatusReasons() {}

    public static String of(int status) {
        String r = REASONS.get(status);
        if (r != null) return r;
        return switch (status / 100) {
            case 1 -> "Trying";
            case 2 -> "OK";
            case 3 -> "Redirect";
            case 4 -> "Client Error";
            case 5 -> "Server Error";
            default -> "Global Failure";
        };
    }
}
