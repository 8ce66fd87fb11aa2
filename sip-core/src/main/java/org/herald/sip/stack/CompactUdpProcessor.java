package org.herald.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's UDP listener with two changes. It queued every datagram in a fresh 64 KiB array, so a
 * few thousand 1 KiB messages per second made hundreds of megabytes of garbage a second, and a backlog
 * exhausted the heap; here each datagram is copied into an array of its own size. And the queue is
 * bounded: past {@link #QUEUE_LIMIT} datagrams waiting, new ones are dropped as the network would drop
 * them (senders retransmit), instead of Herald falling ever further behind.
 */
final class CompactUdpProcessor extends UDPMessageProcessor {
    private static final Logger log = LoggerFactory.getLogger(CompactUdpProcessor.class);
    static final int QUEUE_LIMIT = 4096;

    private final int workers;
    private final AtomicLong shed = new AtomicLong();

    CompactUdpProcessor(InetAddress address, SIPTransactionStack stack, int port, int workers) throws IOException {
        super(address, stack, port);
        this.workers = workers;
        sendFromThisSocket(stack);
    }

    /**
     * The stack's own factory sets this package-private flag when it makes a UDP processor; without it
     * every datagram goes out from a fresh ephemeral socket, and peers that answer the source address
     * answer into the void.
     */
    private static void sendFromThisSocket(SIPTransactionStack stack) throws IOException {
        try {
            var flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            flag.setBoolean(stack, true);
        } catch (ReflectiveOperationException e) {
            throw new IOException("this JAIN-SIP has no udpFlag to set", e);
        }
    }

    @Override
    public void run() {
        String name = ((SipStackImpl) sipStack).getStackName() + "-UDPMessageChannelThread-";
        java.util.LinkedList<UDPMessageChannel> channels = new java.util.LinkedList<>();
        try {
            // the constructor is protected, and a subclass would break the stack's channel equality (by class)
            var worker = UDPMessageChannel.class.getDeclaredConstructor(
                    SIPTransactionStack.class, UDPMessageProcessor.class, String.class);
            worker.setAccessible(true);
            for (int i = 0; i < workers; i++) channels.add(worker.newInstance(sipStack, this, name + i)); // each takes from the queue
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JAIN-SIP has no UDP worker constructor to call", e);
        }
        messageChannels = channels; // stop() ends them
        byte[] buffer = new byte[SipStackImpl.MAX_DATAGRAM_SIZE];
        while (isRunning) {
            try {
                DatagramPacket received = new DatagramPacket(buffer, buffer.length);
                sock.receive(received);
                if (messageQueue.size() >= QUEUE_LIMIT) {
                    if (shed.incrementAndGet() % 1000 == 1) log.warn("overloaded: {} datagrams dropped so far", shed.get());
                    continue;
                }
                byte[] data = Arrays.copyOf(buffer, received.getLength());
                DatagramPacket packet = new DatagramPacket(data, data.length, received.getSocketAddress());
                messageQueue.offer(new DatagramQueuedMessageDispatch(packet, System.currentTimeMillis()));
            } catch (SocketTimeoutException idle) {
                // nothing arrived
            } catch (SocketException e) {
                if (!isRunning) return;
                log.warn("UDP receive failed: {}", e.toString());
            } catch (IOException e) {
                log.warn("UDP receive failed: {}", e.toString());
            }
        }
    }

    long shed() {
        return shed.get();
    }
}
