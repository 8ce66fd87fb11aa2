package org.herald.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mongodb.client.model.IndexOptions;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.herald.push.PushGatewayTest.FakeConnection;
import org.herald.push.api.ApiReply;
import org.herald.push.api.Json;
import org.herald.push.api.Waker;
import org.herald.push.session.PushSocket;
import org.herald.push.store.MongoFixture;
import org.herald.storage.StoreException;
import org.herald.store.mongo.DocumentCollection;
import org.herald.store.mongo.DocumentDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** When the store fails, nobody is told a message was accepted: the answer is "Try again later". */
class StoreFailureTest {
    private static final MongoFixture mongo = new MongoFixture();

    @AfterAll
    static void stop() {
        mongo.close();
    }

    /** A database whose writes fail while {@code failing} is set. */
    static DocumentDatabase failing(DocumentDatabase real, AtomicBoolean failing) {
        return name -> {
            DocumentCollection c = real.collection(name);
            return new DocumentCollection() {
                @Override
                public Document byId(String id) {
                    return c.byId(id);
                }

                @Override
                public <T> List<T> find(Bson filter, int limit, Function<Document, T> decode) {
                    return c.find(filter, limit, decode);
                }

                @Override
                public void replace(String id, Document document) {
                    if (failing.get()) throw new StoreException("disk full");
                    c.replace(id, document);
                }

                @Override
                public boolean delete(String id) {
                    return c.delete(id);
                }

                @Override
                public long count() {
                    return c.count();
                }

                @Override
                public void createIndex(Bson keys, IndexOptions options) {
                    c.createIndex(keys, options);
                }
            };
        };
    }

    @Test
    void aFailingStoreIsTryAgainLaterOnEverySide() throws Exception {
        AtomicBoolean broken = new AtomicBoolean();
        PushGateway gateway = PushGateway.manual(PushConfig.defaults("https://push.example.com"),
                failing(mongo.direct(), broken), Instant::now, Waker.NONE);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair as = g.generateKeyPair();
        String pbk = Base64.getEncoder().encodeToString(as.getPublic().getEncoded());
        String token = gateway.newToken().bodyText();

        FakeConnection conn = new FakeConnection();
        PushSocket socket = gateway.open(conn);
        socket.onText("{\"messageType\":\"registerUA\",\"uatoken\":\"" + token + "\"}");
        socket.onText("{\"messageType\":\"registerWA\",\"uatoken\":\"" + token + "\",\"watoken\":\"w\",\"pbkbase64\":\"" + pbk + "\"}");
        String url = conn.json().get(1).path("url").asText();
        socket.onClose();

        broken.set(true);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(as.getPrivate());
        s.update("m".getBytes(StandardCharsets.UTF_8));
        String body = "{\"messageType\":\"notification\",\"message\":\"m\",\"signature\":\""
                + Base64.getEncoder().encodeToString(s.sign()) + "\"}";
        ApiReply r = gateway.notify(url.substring(url.lastIndexOf('/') + 1), body.getBytes(StandardCharsets.UTF_8));
        assertEquals(503, r.status());
        assertEquals("Try again later", Json.object(r.body()).orElseThrow().path("reason").asText());
        assertEquals("5", r.headers().get("Retry-After"));

        FakeConnection again = new FakeConnection();
        PushSocket second = gateway.open(again);
        second.onText("{\"messageType\":\"registerUA\",\"uatoken\":\"" + token + "\"}");
        var error = again.json().get(0);
        assertEquals("ERROR", error.path("status").asText());
        assertEquals(429, error.path("statusCode").asInt());
        assertEquals("Try again later", error.path("reason").asText());
        assertFalse(gateway.context().router().connected(gateway.context().tokens().deviceOf(token).orElseThrow()),
                "a registration that was not stored does not take the device");
        gateway.close();
    }
}
