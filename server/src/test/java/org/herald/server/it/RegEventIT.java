package org.herald.server.it;

import static org.herald.server.it.WatcherInfoIT.notifyOf;
import static org.herald.server.it.WatcherInfoIT.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reg event package (RFC 3680) and registration-derived presence over real sockets: an AOR
 * watches its own contacts come and go, and a presence watcher sees a presentity that publishes
 * nothing go open and closed with its registrations.
 */
class RegEventIT {
    private static final String PIDF = "application/pidf+xml";
    private static TestServer server;

    @BeforeAll
    static void start() {
        // bindings as short as a second, to watch one expire; presence derived from registrations on localhost
        server = TestServer.start("auth.mode=open", "sip.registrar.min-expires=1",
                "presence.registration-derived-domains=localhost");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A parsed reginfo document with its one registration. */
    record Reg(long version, String state, String aor, String registrationState, List<Contact> contacts) {}

    record Contact(String state, String event, String uri, Map<String, String> params) {}

    static Reg parse(RawSipClient.Message notify) {
        assertEquals("application/reginfo+xml", notify.header("Content-Type").orElse("").trim(), () -> notify.toString());
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(notify.body())).getDocumentElement();
            assertEquals("urn:ietf:params:xml:ns:reginfo", root.getNamespaceURI());
            Element registration = (Element) root.getElementsByTagNameNS("*", "registration").item(0);
            List<Contact> contacts = new ArrayList<>();
            NodeList nodes = registration.getElementsByTagNameNS("*", "contact");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element c = (Element) nodes.item(i);
                Map<String, String> params = new TreeMap<>();
                NodeList unknown = c.getElementsByTagNameNS("*", "unknown-param");
                for (int j = 0; j < unknown.getLength(); j++) {
                    Element p = (Element) unknown.item(j);
                    params.put(p.getAttribute("name"), p.getTextContent());
                }
                contacts.add(new Contact(c.getAttribute("state"), c.getAttribute("event"),
                        c.getElementsByTagNameNS("*", "uri").item(0).getTextContent().trim(), params));
            }
            return new Reg(Long.parseLong(root.getAttribute("version")), root.getAttribute("state"),
                    registration.getAttribute("aor"), registration.getAttribute("state"), contacts);
        } catch (Exception e) {
            throw new AssertionError("not a reginfo document:\n" + notify, e);
        }
    }

    /** A REGISTER of {@code aor} from this client, in one Call-ID so refreshes are in order. */
    private static int register(RawSipClient phone, String aor, String contact, String callId, long cseq, int expires) {
        return phone.request("REGISTER", "sip:localhost").from(aor).to(aor).callId(callId).cseq(cseq)
                .header("Contact", contact).header("Expires", expires).send().status();
    }

    @Test
    void anAorSeesItsContactsComeAndGo() {
        try (RawSipClient joe = RawSipClient.udp(server.sipPort); RawSipClient phone = RawSipClient.udp(server.sipPort)) {
            assertEquals(200, subscribe(joe, "joe@localhost", "joe@localhost", "reg", 600).status());
            Reg initial = parse(notifyOf(joe, "reg", 200));
            assertEquals(List.of(0L, "full", "sip:joe@localhost", "init"),
                    List.of(initial.version(), initial.state(), initial.aor(), initial.registrationState()));
            assertTrue(initial.contacts().isEmpty());

            String uri = phone.contactUri("joe");
            String contact = "<" + uri + ">;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000a95a0e128>\";reg-id=1";
            assertEquals(200, register(phone, "joe@localhost", contact, "reg-call", 1, 600));
            Reg registered = parse(notifyOf(joe, "reg", 200));
            assertEquals(List.of(1L, "partial", "active"), List.of(registered.version(), registered.state(), registered.registrationState()));
            assertEquals(new Contact("active", "registered", uri, Map.of(
                    "+sip.instance", "\"<urn:uuid:00000000-0000-1000-8000-000a95a0e128>\"", "reg-id", "1")), registered.contacts().get(0));

            assertEquals(200, register(phone, "joe@localhost", contact, "reg-call", 2, 600));
            Reg refreshed = parse(notifyOf(joe, "reg", 200));
            assertEquals(2, refreshed.version());
            assertEquals("refreshed", refreshed.contacts().get(0).event());

            assertEquals(200, register(phone, "joe@localhost", contact, "reg-call", 3, 0));
            Reg unregistered = parse(notifyOf(joe, "reg", 200));
            assertEquals(List.of(3L, "terminated"), List.of(unregistered.version(), unregistered.registrationState()));
            assertEquals(List.of("terminated", "unregistered"),
                    List.of(unregistered.contacts().get(0).state(), unregistered.contacts().get(0).event()));

            assertEquals(200, register(phone, "joe@localhost", "<" + uri + ">", "reg-call", 4, 1));
            assertEquals("registered", parse(notifyOf(joe, "reg", 200)).contacts().get(0).event());
            Reg expired = parse(notifyOf(joe, "reg", 200)); // the registrar's sweep, a second or two later
            assertEquals(5, expired.version());
            assertEquals(List.of("terminated", "expired"), List.of(expired.contacts().get(0).state(), expired.contacts().get(0).event()));
        }
    }

    @Test
    void onlyTheAorItselfMayWatchItsRegistrations() {
        try (RawSipClient mallory = RawSipClient.udp(server.sipPort)) {
            assertEquals(403, subscribe(mallory, "mallory@localhost", "joe@localhost", "reg", 600).status());
        }
    }

    @Test
    void aPresentityThatPublishesNothingIsOpenWhileRegistered() {
        try (RawSipClient watcher = RawSipClient.udp(server.sipPort); RawSipClient carol = RawSipClient.udp(server.sipPort)) {
            assertEquals(200, subscribe(watcher, "wendy@localhost", "carol-r@localhost", "presence", 600).status());
            String closed = notifyOf(watcher, "presence", 200).bodyText();
            assertTrue(closed.contains("<tuple id=\"registration\"><status><basic>closed</basic>"), closed);

            String uri = carol.contactUri("carol-r");
            assertEquals(200, register(carol, "carol-r@localhost", "<" + uri + ">", "carol-call", 1, 600));
            String open = notifyOf(watcher, "presence", 200).bodyText();
            assertTrue(open.contains("<tuple id=\"registration\"><status><basic>open</basic></status><contact>" + uri + "</contact>"), open);

            RawSipClient.Message published = carol.request("PUBLISH", "sip:carol-r@localhost").from("carol-r@localhost")
                    .to("carol-r@localhost").header("Event", "presence").header("Expires", 600)
                    .body(PIDF, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
                            + " entity=\"sip:carol-r@localhost\"><tuple id=\"pc\"><status><basic>closed</basic></status>"
                            + "<note>in a meeting</note></tuple></presence>").send();
            assertEquals(200, published.status());
            String mine = notifyOf(watcher, "presence", 200).bodyText();
            assertTrue(mine.contains("in a meeting") && !mine.contains("registration"), () -> "publications win:\n" + mine);

            assertEquals(200, carol.request("PUBLISH", "sip:carol-r@localhost").from("carol-r@localhost").to("carol-r@localhost")
                    .header("Event", "presence").header("Expires", 0)
                    .header("SIP-If-Match", published.header("SIP-ETag").orElseThrow()).send().status());
            String back = notifyOf(watcher, "presence", 200).bodyText();
            assertTrue(back.contains("<tuple id=\"registration\"><status><basic>open</basic>"), back);

            assertEquals(200, register(carol, "carol-r@localhost", "<" + uri + ">", "carol-call", 2, 0));
            String gone = notifyOf(watcher, "presence", 200).bodyText();
            assertTrue(gone.contains("<tuple id=\"registration\"><status><basic>closed</basic>"), gone);
        }
    }
}
