package org.herald.sip.stack;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.NioWebSocketMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NIO processor factory with one addition: TCP, TLS and WebSocket processors report when a
 * connection closes. JAIN-SIP has no such callback, and Herald drops bindings and routes on it.
 * The stack creates the factory by class name, so listeners are found through the stack instance.
 */
public final class FlowTrackingProcessorFactory extends NioMessageProcessorFactory {
    /** Told the key ({@code tcp:host:port}) of each connection that opened or closed. Runs on the selector thread. */
    interface FlowListener {
        void opened(String key);

        void closed(String key);
    }

    private static final Map<SIPTransactionStack, FlowListener> LISTENERS = new ConcurrentHashMap<>();

    public FlowTrackingProcessorFactory() {}

    static void register(SIPTransactionStack stack, FlowListener listener) {
        LISTENERS.put(stack, listener);
    }

    static void unregister(SIPTransactionStack stack) {
        LISTENERS.remove(stack);
    }

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress ip, int port, String transport)
            throws IOException {
        FlowListener l = LISTENERS.getOrDefault(stack, NONE);
        return switch (transport.toUpperCase(java.util.Locale.ROOT)) {
            case "TCP" -> new NioTcpMessageProcessor(ip, stack, port) {
                @Override
                public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor p, SocketChannel c) throws IOException {
                    return opened(l, super.createMessageChannel(p, c));
                }

                @Override
                protected synchronized void remove(ConnectionOrientedMessageChannel ch) {
                    super.remove(ch);
                    l.closed(ch.getKey());
                }
            };
            case "TLS" -> new NioTlsMessageProcessor(ip, stack, port) {
                @Override
                public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor p, SocketChannel c) throws IOException {
                    return opened(l, super.createMessageChannel(p, c));
                }

                @Override
                protected synchronized void remove(ConnectionOrientedMessageChannel ch) {
                    super.remove(ch);
                    l.closed(ch.getKey());
                }
            };
            case "WS" -> new NioWebSocketMessageProcessor(ip, stack, port) {
                @Override
                public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor p, SocketChannel c) throws IOException {
                    NioTcpMessageChannel channel = nioHandler.getMessageChannel(c);
                    if (channel == null) {
                        channel = new SipWebSocketChannel(stack, p, c, stack.getMaxMessageSize());
                        nioHandler.putMessageChannel(c, channel);
                    }
                    return opened(l, channel);
                }

                @Override
                protected synchronized void remove(ConnectionOrientedMessageChannel ch) {
                    super.remove(ch);
                    l.closed(ch.getKey());
                }
            };
            case "UDP" -> new CompactUdpProcessor(ip, stack, port, workers(stack));
            default -> super.createMessageProcessor(stack, ip, port, transport);
        };
    }

    private static int workers(SIPTransactionStack stack) {
        String size = ((gov.nist.javax.sip.SipStackImpl) stack).getConfigurationProperties()
                .getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        return Math.max(1, Integer.parseInt(size.trim()));
    }

    private static <T extends MessageChannel> T opened(FlowListener l, T channel) {
        l.opened(channel.getKey());
        return channel;
    }

    private static final FlowListener NONE = new FlowListener() {
        @Override public void opened(String key) {}
        @Override public void closed(String key) {}
    };
}
