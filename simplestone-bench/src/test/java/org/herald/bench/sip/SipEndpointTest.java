package org.herald.bench.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transaction shell over real loopback sockets, against a scripted peer. Waits are generous upper bounds only. */
class SipEndpointTest {
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private static String publish(String branch) {
        return "PUBLISH sip:p@localhost SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=" + branch + "\r\nFrom: <sip:p@localhost>;tag=a\r\n"
                + "To: <sip:p@localhost>\r\nCall-ID: c1\r\nCSeq: 1 PUBLISH\r\nContent-Length: 0\r\n\r\n";
    }

    private static String ok(String branch) {
        return "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=" + branch + "\r\nCall-ID: c1\r\nCSeq: 1 PUBLISH\r\nSIP-ETag: e1\r\nContent-Length: 0\r\n\r\n";
    }

    @Test
    void udpRetransmitsUntilAnsweredAndGivesUpAtTheTimeout() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            LinkedBlockingQueue<SipMessage.Request> requests = new LinkedBlockingQueue<>();
            SipEndpoint ep = SipEndpoint.open("udp", "127.0.0.1", peer.getLocalPort(), timers, requests::add);
            CompletableFuture<SipEndpoint.Outcome> answered = new CompletableFuture<>();
            ep.request("z9hG4bK-1", publish("z9hG4bK-1"), 8000, answered::complete);
            byte[] buf = new byte[4096];
            DatagramPacket first = new DatagramPacket(buf, buf.length);
            peer.receive(first); // ignored: the endpoint must send it again after T1
            DatagramPacket second = new DatagramPacket(buf, buf.length);
            peer.receive(second);
            byte[] answer = ok("z9hG4bK-1").getBytes(StandardCharsets.UTF_8);
            peer.send(new DatagramPacket(answer, answer.length, second.getSocketAddress()));
            SipEndpoint.Outcome o = answered.get(10, TimeUnit.SECONDS);
            assertEquals("e1", assertInstanceOf(SipEndpoint.Outcome.Answered.class, o).response().header("sip-etag"));
            assertTrue(ep.retransmissions() >= 1);
            assertEquals(0, ep.outstanding());

            peer.send(new DatagramPacket(answer, answer.length, second.getSocketAddress())); // a late copy
            CompletableFuture<SipEndpoint.Outcome> lost = new CompletableFuture<>();
            ep.request("z9hG4bK-2", publish("z9hG4bK-2"), 600, lost::complete);
            assertInstanceOf(SipEndpoint.Outcome.TimedOut.class, lost.get(10, TimeUnit.SECONDS));
            assertEquals(1, ep.strayResponses());

            // a request from the peer reaches the handler; the answer copies the dialog headers and adds a To tag
            byte[] notify = ("NOTIFY sip:w@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + peer.getLocalPort() + ";branch=z9hG4bK-n\r\n"
                    + "From: <sip:p@localhost>;tag=x\r\nTo: <sip:w@localhost>\r\nCall-ID: n1\r\nCSeq: 5 NOTIFY\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            peer.send(new DatagramPacket(notify, notify.length, second.getSocketAddress()));
            SipMessage.Request r = requests.poll(10, TimeUnit.SECONDS);
            ep.respond(r, 200, "OK");
            DatagramPacket reply = new DatagramPacket(buf, buf.length);
            do {
                peer.receive(reply); // skip retransmissions of the timed-out PUBLISH
            } while (new String(buf, 0, reply.getLength(), StandardCharsets.UTF_8).startsWith("PUBLISH"));
            SipMessage.Response resp = assertInstanceOf(SipMessage.Response.class, SipParser.parse(buf, 0, reply.getLength()));
            assertEquals(200, resp.status());
            assertEquals("z9hG4bK-n", resp.branch());
            assertEquals("5 NOTIFY", resp.header("cseq"));
            assertTrue(SipMessage.param(resp.header("to"), "tag") != null);
            ep.close();
        }
    }

    @Test
    void tcpFramesMessagesSplitAcrossWritesAndCoalescedInOne() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LinkedBlockingQueue<SipMessage.Request> requests = new LinkedBlockingQueue<>();
            SipEndpoint ep = SipEndpoint.open("tcp", "127.0.0.1", server.getLocalPort(), timers, requests::add);
            try (Socket peer = server.accept()) {
                CompletableFuture<SipEndpoint.Outcome> answered = new CompletableFuture<>();
                ep.request("z9hG4bK-t", publish("z9hG4bK-t"), 8000, answered::complete);
                InputStream in = peer.getInputStream();
                byte[] buf = new byte[4096];
                int n = in.read(buf);
                assertTrue(new String(buf, 0, n, StandardCharsets.UTF_8).startsWith("PUBLISH"));
                String notify = "NOTIFY sip:w@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:1;branch=z9hG4bK-n\r\nCall-ID: n1\r\n"
                        + "CSeq: 2 NOTIFY\r\nContent-Length: 9\r\n\r\nss-v=1234";
                byte[] both = (ok("z9hG4bK-t") + "\r\n\r\n" + notify).getBytes(StandardCharsets.UTF_8);
                OutputStream out = peer.getOutputStream();
                out.write(both, 0, 30); // split mid-header
                out.flush();
                Thread.sleep(50);
                out.write(both, 30, both.length - 30);
                out.flush();
                assertInstanceOf(SipEndpoint.Outcome.Answered.class, answered.get(10, TimeUnit.SECONDS));
                SipMessage.Request r = requests.poll(10, TimeUnit.SECONDS);
                assertEquals("ss-v=1234", r.bodyText());
                assertEquals(0, ep.retransmissions()); // reliable transport: never retransmitted
            }
            ep.close();
        }
    }
}
