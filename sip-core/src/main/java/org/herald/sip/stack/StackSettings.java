package org.herald.sip.stack;

import java.nio.file.Path;
import java.util.Map;
import org.herald.sip.message.Transport;

/**
 * How to run the JAIN-SIP stack.
 *
 * @param host           the listening address, also written into Via, Record-Route and Contact
 * @param ports          a listening port per enabled transport
 * @param maxMessageSize larger requests are answered 513 (the stack itself cuts UDP datagrams at
 *                       64 KiB and drops TCP connections beyond four times this)
 * @param threads        stack worker threads (UDP workers and the NIO executor)
 * @param keystore       PKCS#12 keystore for TLS, or null without TLS
 * @param t1Millis       RFC 3261 timer T1; transactions time out after 64 × T1
 */
public record StackSettings(String host, Map<Transport, Integer> ports, int maxMessageSize, int threads,
                            Path keystore, String keystorePassword, long t1Millis) {}
