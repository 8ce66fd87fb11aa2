package org.herald.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.herald.server.http.XcapHttp;
import org.herald.sip.auth.DigestAlgorithm;
import org.herald.sip.auth.DigestCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XCAP (RFC 4825) over real HTTP with java.net.http: digest authentication with the SIP users,
 * documents, elements, attributes, ETags, and bad input answered with the RFC errors.
 *
 */
class XcapIT {
    private static final String PRES_RULES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <cr:ruleset xmlns:pr="urn:ietf:params:xml:ns:pres-rules" xmlns:cr="urn:ietf:params:xml:ns:common-policy">
             <cr:rule id="friends">
              <cr:conditions><cr:identity><cr:one id="sip:bob@localhost"/></cr:identity></cr:conditions>
              <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>
             </cr:rule>
            </cr:ruleset>
            """;
    private static final String RULES_TYPE = "application/auth-policy+xml";

    private static TestServer server;
    private static String base;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        server.addUser("alice@localhost", "alice-secret");
        server.addUser("bob@localhost", "bob-secret");
        base = "http://127.0.0.1:" + server.httpPort + XcapHttp.ROOT;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void challengesThenAcceptsDigestCredentialsOfTheSipUser() throws Exception {
        String doc = base + "/resource-lists/users/sip:alice@localhost/index"; // a document no other test writes
        HttpResponse<String> anonymous = send("GET", doc, null, null, null, Map.of());
        assertEquals(401, anonymous.statusCode());
        String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Digest realm=\"localhost\"") && challenge.contains("qop=\"auth\""), challenge);

        assertEquals(401, send("GET", doc, "alice", "wrong", null, Map.of()).statusCode());
        assertEquals(404, send("GET", doc, "alice", "alice-secret", null, Map.of()).statusCode());
        assertEquals(404, send("GET", doc, "alice@localhost", "alice-secret", null, Map.of()).statusCode(), "the full AOR as username");
        assertEquals(403, send("GET", doc, "bob", "bob-secret", null, Map.of()).statusCode(), "bob may not read alice's documents");
        assertEquals(200, send("GET", base + "/xcap-caps/global/index", "bob", "bob-secret", null, Map.of()).statusCode());
    }

    @Test
    void credentialsForAnotherUriDoNotCount() throws Exception {
        String doc = base + "/pres-rules/users/sip:alice@localhost/index";
        HttpResponse<String> challenge = send("GET", doc, null, null, null, Map.of());
        String other = URI.create(base + "/resource-lists/users/sip:alice@localhost/index").getRawPath();
        String authorization = authorization("GET", other, "alice", "alice-secret",
                challenge.headers().firstValue("WWW-Authenticate").orElseThrow());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(doc)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
    }

    @Test
    void documentsElementsAttributesAndEntityTags() throws Exception {
        String doc = base + "/pres-rules/users/sip%3Aalice%40localhost/index";
        HttpResponse<String> put = send("PUT", doc, "alice", "alice-secret", RULES_TYPE, Map.of(), PRES_RULES);
        assertEquals(201, put.statusCode(), put.body());
        String etag = put.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> get = send("GET", doc, "alice", "alice-secret", null, Map.of());
        assertEquals(200, get.statusCode());
        assertEquals(PRES_RULES, get.body());
        assertEquals(RULES_TYPE, get.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(etag, get.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, send("GET", doc, "alice", "alice-secret", null, Map.of("If-None-Match", etag)).statusCode());

        String query = "?xmlns(cr=urn:ietf:params:xml:ns:common-policy)";
        String handling = doc + "/~~/cr:ruleset/cr:rule%5b@id=%22friends%22%5d/cr:actions/sub-handling" + query;
        HttpResponse<String> element = send("GET", handling, "alice", "alice-secret", null, Map.of());
        assertEquals("<pr:sub-handling>allow</pr:sub-handling>", element.body());
        assertEquals("application/xcap-el+xml", element.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> block = send("PUT", handling, "alice", "alice-secret", "application/xcap-el+xml",
                Map.of("If-Match", etag), "<pr:sub-handling>block</pr:sub-handling>");
        assertEquals(200, block.statusCode(), block.body());
        String newTag = block.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, newTag);
        assertEquals(412, send("PUT", handling, "alice", "alice-secret", "application/xcap-el+xml", Map.of("If-Match", etag),
                "<pr:sub-handling>allow</pr:sub-handling>").statusCode(), "the old tag no longer matches");

        String id = doc + "/~~/cr:ruleset/cr:rule%5b1%5d/@id" + query;
        HttpResponse<String> attribute = send("GET", id, "alice", "alice-secret", null, Map.of());
        assertEquals("friends", attribute.body());
        assertEquals("application/xcap-att+xml", attribute.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(send("GET", doc, "alice", "alice-secret", null, Map.of()).body().contains("<pr:sub-handling>block</pr:sub-handling>"));
    }

    @Test
    void badInputGetsTheRfcErrorAndLeavesTheDocumentAlone() throws Exception {
        String doc = base + "/resource-lists/users/sip:bob@localhost/index";
        String lists = "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"friends\"/></resource-lists>";
        HttpResponse<String> put = send("PUT", doc, "bob", "bob-secret", "application/resource-lists+xml", Map.of(), lists);
        assertEquals(201, put.statusCode(), put.body());
        String etag = put.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> malformed = send("PUT", doc, "bob", "bob-secret", "application/resource-lists+xml", Map.of(), "<resource-lists");
        assertEquals(409, malformed.statusCode());
        assertEquals("application/xcap-error+xml", malformed.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(malformed.body().contains("<not-well-formed"), malformed.body());

        HttpResponse<String> duplicate = send("PUT", doc + "/~~/resource-lists/list%5b2%5d", "bob", "bob-secret",
                "application/xcap-el+xml", Map.of(), "<list name=\"friends\"/>");
        assertEquals(409, duplicate.statusCode());
        assertTrue(duplicate.body().contains("<uniqueness-failure") && duplicate.body().contains("<alt-value>friends-2</alt-value>"),
                duplicate.body());

        HttpResponse<String> invalid = send("PUT", doc, "bob", "bob-secret", "application/resource-lists+xml", Map.of(),
                "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><entry/></resource-lists>");
        assertTrue(invalid.body().contains("<schema-validation-error"), invalid.body());
        assertEquals(415, send("PUT", doc, "bob", "bob-secret", "application/xml", Map.of(), lists).statusCode());
        assertEquals(400, send("GET", doc + "/~~/resource-lists/list%5b", "bob", "bob-secret", null, Map.of()).statusCode());
        assertEquals(413, send("PUT", doc, "bob", "bob-secret", "application/resource-lists+xml", Map.of(),
                lists + " ".repeat(1024 * 1024)).statusCode());

        HttpResponse<String> after = send("GET", doc, "bob", "bob-secret", null, Map.of());
        assertEquals(lists, after.body());
        assertEquals(etag, after.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        HttpResponse<String> post = send("POST", base + "/pres-rules/users/sip:alice@localhost/index", "alice", "alice-secret",
                RULES_TYPE, Map.of(), PRES_RULES);
        assertEquals(405, post.statusCode());
        assertEquals("GET, PUT, DELETE", post.headers().firstValue("Allow").orElseThrow());
    }

    static HttpResponse<String> send(String method, String uri, String user, String password, String contentType,
                                             Map<String, String> headers) throws IOException, InterruptedException {
        return send(method, uri, user, password, contentType, headers, null);
    }

    /** One request; with a user, first without credentials to get a challenge, then answering it. */
    static HttpResponse<String> send(String method, String uri, String user, String password, String contentType,
                                             Map<String, String> headers, String body) throws IOException, InterruptedException {
        HttpResponse<String> first = http.send(request(method, uri, contentType, headers, body, null), HttpResponse.BodyHandlers.ofString());
        if (user == null || first.statusCode() != 401) return first;
        String challenge = first.headers().firstValue("WWW-Authenticate").orElseThrow();
        URI u = URI.create(uri);
        String target = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        return http.send(request(method, uri, contentType, headers, body, authorization(method, target, user, password, challenge)),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String method, String uri, String contentType, Map<String, String> headers, String body,
                                       String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) b.header("Content-Type", contentType);
        headers.forEach(b::header);
        if (authorization != null) b.header("Authorization", authorization);
        return b.build();
    }

    /** RFC 7616 §3.4 with qop=auth and MD5, as a SIP phone computes it for the same user. */
    private static String authorization(String method, String target, String user, String password, String challenge) {
        DigestCredentials c = DigestCredentials.parse(challenge).orElseThrow();
        String realm = c.get("realm");
        String cnonce = HexFormat.of().formatHex(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        String nc = "00000001";
        String ha1 = DigestAlgorithm.MD5.hash(user + ":" + realm + ":" + password);
        String ha2 = DigestAlgorithm.MD5.hash(method + ":" + target);
        String response = DigestAlgorithm.MD5.hash(ha1 + ":" + c.nonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + c.nonce() + "\", uri=\"" + target
                + "\", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\", algorithm=MD5";
    }
}
