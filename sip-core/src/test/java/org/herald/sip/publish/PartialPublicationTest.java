package org.herald.sip.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herald.sip.Handling;
import org.herald.sip.event.EventPackage;
import org.herald.sip.event.EventPackages;
import org.herald.sip.event.EventState;
import org.herald.sip.event.InvalidBodyException;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.event.PartialState;
import org.herald.sip.event.PublicationHandler;
import org.herald.sip.event.PublishedState;
import org.herald.sip.event.ResourceView;
import org.herald.sip.event.Subscription;
import org.herald.sip.message.Aor;
import org.herald.sip.message.Flow;
import org.herald.sip.message.Headers;
import org.herald.sip.message.MediaType;
import org.herald.sip.message.NameAddr;
import org.herald.sip.message.SipRequest;
import org.herald.sip.message.Transport;
import org.herald.sip.store.MongoFixture;
import org.herald.sip.store.mongo.MongoPublicationStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** RFC 5264 in the framework: a partial body is applied to the publication it names, atomically. */
class PartialPublicationTest {
    private static final MongoFixture mongo = new MongoFixture();
    private static final Aor BOB = Aor.parse("bob@example.com");

    /** Full state is text/plain; a text/x-append body appends to it, and "fail" does not apply. */
    record Text(String value) implements EventState {}

    record Append(String suffix) implements PartialState {
        @Override
        public Full applyTo(PublishedState previous) throws InvalidBodyException {
            if (suffix.equals("fail")) throw new InvalidBodyException("does not apply");
            String next = ((Text) previous.state()).value() + suffix;
            return new Full("text/plain", next.getBytes(StandardCharsets.UTF_8), new Text(next));
        }
    }

    static final class TextPackage implements EventPackage, PublicationHandler {
        final List<String> composed = new ArrayList<>();

        @Override public String name() { return "text"; }
        @Override public List<MediaType> notifyTypes() { return List.of(MediaType.of("text/plain")); }
        @Override public int defaultExpires() { return 600; }
        @Override public Optional<PublicationHandler> publications() { return Optional.of(this); }
        @Override public ResourceView view(Aor resource) { return new ResourceView() {}; }
        @Override public NotifyBody render(ResourceView view, Subscription s) { return NotifyBody.NONE; }
        @Override public List<MediaType> types() { return List.of(MediaType.of("text/plain"), MediaType.of("text/x-append")); }
        @Override public EventState parse(MediaType type, byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            return type.equals(MediaType.of("text/x-append")) ? new Append(text) : new Text(text);
        }
        @Override public boolean changed(Aor resource, List<PublishedState> live) {
            live.forEach(p -> composed.add(((Text) p.state()).value()));
            return true;
        }
    }

    private final TextPackage pkg = new TextPackage();
    private final PublicationService service = new PublicationService(new EventPackages(List.of(pkg)),
            new MongoPublicationStore(mongo.direct()), PublicationPolicy.defaults(), () -> Instant.parse("2026-01-01T00:00:00Z"),
            (p, r) -> { });

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private Handling.Reply publish(String type, String body, String ifMatch) {
        var headers = Headers.builder().add("Event", "text").add("Expires", 600).add("Content-Type", type);
        if (ifMatch != null) headers.add("SIP-If-Match", ifMatch);
        var request = new SipRequest("PUBLISH", "sip:bob@example.com", new NameAddr(null, "sip:bob@example.com", Map.of("tag", "b")),
                NameAddr.of("sip:bob@example.com"), "call-p", 1, List.of(), false, headers.build(),
                body.getBytes(StandardCharsets.UTF_8), new Flow(Transport.UDP, "10.0.0.2", 5060), "127.0.0.1:5060");
        Handling.Reply reply = assertInstanceOf(Handling.Reply.class, service.publish(request));
        reply.afterSent().run();
        return reply;
    }

    private String stored() {
        return new String(service.live("text", BOB).get(0).publication().body(), StandardCharsets.UTF_8);
    }

    @Test
    void aPartialBodyChangesThePublicationItNamesOrNothing() {
        assertEquals(400, publish("text/x-append", "!", null).response().status(), "no publication to change");
        String etag = publish("text/plain", "hello", null).response().headers().first("SIP-ETag").orElseThrow();
        Handling.Reply patched = publish("text/x-append", " world", etag);
        assertEquals(200, patched.response().status());
        assertEquals("hello world", stored());
        assertEquals("text/plain", service.live("text", BOB).get(0).publication().contentType(), "stored as full state");
        String next = patched.response().headers().first("SIP-ETag").orElseThrow();
        assertEquals(400, publish("text/x-append", "fail", next).response().status());
        assertEquals("hello world", stored(), "a patch that does not apply changes nothing");
        assertEquals(200, publish("text/x-append", "!", next).response().status(), "and the entity tag still holds");
        assertEquals("hello world!", stored());
    }
}
