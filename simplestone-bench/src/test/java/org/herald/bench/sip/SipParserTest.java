package org.herald.bench.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipParserTest {
    private static final String NOTIFY = "NOTIFY sip:w1@127.0.0.1:5070 SIP/2.0\r\n"
            + "v: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-1;rport\r\n"
            + "f: <sip:p1@localhost>;tag=abc\r\n"
            + "t: <sip:w1@localhost>;tag=def\r\n"
            + "i: call-1\r\n"
            + "CSeq: 7 NOTIFY\r\n"
            + "Subscription-State: active;expires=3599\r\n"
            + "c: application/pidf+xml\r\n"
            + "l: 5\r\n\r\nhello";

    private static SipMessage parse(String s) throws SipParser.Malformed {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return SipParser.parse(b, 0, b.length);
    }

    @Test
    void requestWithCompactHeaders() throws Exception {
        SipMessage.Request r = assertInstanceOf(SipMessage.Request.class, parse(NOTIFY));
        assertEquals("NOTIFY", r.method());
        assertEquals("call-1", r.callId());
        assertEquals(7, r.cseq());
        assertEquals("NOTIFY", r.cseqMethod());
        assertEquals("z9hG4bK-1", r.branch());
        assertEquals("abc", SipMessage.param(r.header("from"), "tag"));
        assertEquals("hello", r.bodyText());
    }

    @Test
    void responseAndParams() throws Exception {
        SipMessage.Response r = assertInstanceOf(SipMessage.Response.class, parse("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=b1\r\n"
                + "SIP-ETag: e-42\r\nContent-Length: 0\r\n\r\n"));
        assertEquals(200, r.status());
        assertEquals("e-42", r.header("SIP-ETag"));
        assertEquals("b1", r.branch());
    }

    @Test
    void garbageIsMalformedNotACrash() {
        assertThrows(SipParser.Malformed.class, () -> parse("hello"));
        assertThrows(SipParser.Malformed.class, () -> parse("SIP/2.0 abc OK\r\n\r\n"));
        assertThrows(SipParser.Malformed.class, () -> parse("NOTIFY x\r\n\r\n"));
        assertThrows(SipParser.Malformed.class, () -> parse("SIP/2.0 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
    }

    @Test
    void streamFramingByContentLength() throws Exception {
        byte[] two = (NOTIFY + "\r\n\r\n" + NOTIFY).getBytes(StandardCharsets.UTF_8);
        int first = SipParser.frame(two, 0, two.length);
        assertEquals(NOTIFY.length(), first);
        assertEquals(4, SipParser.frame(two, first, two.length - first)); // CRLF keep-alive
        assertEquals(NOTIFY.length(), SipParser.frame(two, first + 4, two.length - first - 4));
        assertEquals(0, SipParser.frame(two, 0, 40)); // incomplete
        assertEquals(0, SipParser.frame(two, 0, NOTIFY.length() - 1)); // body incomplete
    }
}
