package org.herald.presence.xcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.herald.presence.xcap.store.MemoryXcapDocumentStore;
import org.herald.sip.message.Aor;
import org.junit.jupiter.api.Test;

/** The whole request path of {@link XcapService}: preconditions, authorization, errors, listener. */
class XcapServiceTest {
    private static final Aor ALICE = Aor.parse("alice@example.com");
    private static final Aor BOB = Aor.parse("bob@example.com");
    private static final String LISTS = "/resource-lists/users/sip:alice@example.com/index";
    private static final String RULES = "/pres-rules/users/sip%3Aalice%40example.com/index";
    private static final String LISTS_TYPE = "application/resource-lists+xml";
    private static final String EL = "application/xcap-el+xml";
    private static final String ATT = "application/xcap-att+xml";
    private static final String BUDDIES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
              <list name="friends">
                <entry uri="sip:bob@example.com"><display-name>Bob</display-name></entry>
              </list>
            </resource-lists>
            """;

    private final MemoryXcapDocumentStore store = new MemoryXcapDocumentStore();
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final XcapService xcap = new XcapService(store, (auid, xui, name) -> changes.add(auid + " " + xui + " " + name),
            XcapLimits.of(4096), InstantSource.system());

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private XcapResponse putBuddies() {
        XcapResponse r = xcap.handle(XcapRequest.put(LISTS, LISTS_TYPE, utf8(BUDDIES), ALICE));
        assertEquals(201, r.status(), r.bodyText());
        return r;
    }

    private String etag(XcapResponse r) {
        return r.header("ETag").orElseThrow();
    }

    @Test
    void entityTagsAndPreconditions() {
        String first = etag(putBuddies());
        assertEquals(304, xcap.handle(XcapRequest.get(LISTS, ALICE).withIfNoneMatch(first)).status());
        assertEquals(304, xcap.handle(XcapRequest.get(LISTS, ALICE).withIfNoneMatch("\"x\", " + first)).status());
        assertEquals(200, xcap.handle(XcapRequest.get(LISTS, ALICE).withIfNoneMatch("\"other\"")).status());
        assertEquals(412, xcap.handle(XcapRequest.put(LISTS, LISTS_TYPE, utf8(BUDDIES), ALICE).withIfMatch("\"stale\"")).status());
        assertEquals(412, xcap.handle(XcapRequest.put(LISTS, LISTS_TYPE, utf8(BUDDIES), ALICE).withIfNoneMatch("*")).status());
        assertEquals(412, xcap.handle(XcapRequest.delete(LISTS, ALICE).withIfMatch("\"stale\"")).status());
        XcapResponse replaced = xcap.handle(XcapRequest.put(LISTS, LISTS_TYPE, utf8(BUDDIES), ALICE).withIfMatch(first));
        assertEquals(200, replaced.status());
        assertNotEquals(first, etag(replaced));
        XcapResponse element = xcap.handle(XcapRequest.get(LISTS + "/~~/resource-lists/list", ALICE));
        assertEquals(etag(replaced), etag(element), "an element has its document's tag");
        assertEquals(304, xcap.handle(XcapRequest.get(LISTS + "/~~/resource-lists/list", ALICE).withIfNoneMatch(etag(replaced))).status());
        assertEquals(412, xcap.handle(XcapRequest.put("/pres-rules/users/sip:alice@example.com/other", "application/auth-policy+xml",
                utf8("<ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\"/>"), ALICE).withIfMatch("*")).status());
        assertEquals(201, xcap.handle(XcapRequest.put("/pres-rules/users/sip:alice@example.com/other", "application/auth-policy+xml",
                utf8("<ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\"/>"), ALICE).withIfNoneMatch("*")).status());
        assertEquals(200, xcap.handle(XcapRequest.delete(LISTS, ALICE).withIfMatch(etag(replaced))).status());
        assertEquals(404, xcap.handle(XcapRequest.get(LISTS, ALICE)).status());
    }

    @Test
    void elementsAndAttributesThroughUris() {
        putBuddies();
        String list = LISTS + "/~~/resource-lists/list%5b@name=%22friends%22%5d";
        XcapResponse created = xcap.handle(XcapRequest.put(list + "/entry%5b@uri=%22sip:carol@example.com%22%5d", EL,
                utf8("<entry uri=\"sip:carol@example.com\"><display-name>Carol</display-name></entry>"), ALICE));
        assertEquals(201, created.status(), created.bodyText());
        XcapResponse name = xcap.handle(XcapRequest.get(list + "/entry%5b2%5d/display-name", ALICE));
        assertEquals("<display-name>Carol</display-name>", name.bodyText());
        assertEquals(EL, name.header("Content-Type").orElseThrow());
        XcapResponse uri = xcap.handle(XcapRequest.get(list + "/entry[2]/@uri", ALICE));
        assertEquals("sip:carol@example.com", uri.bodyText());
        assertEquals(ATT, uri.header("Content-Type").orElseThrow());
        assertEquals(200, xcap.handle(XcapRequest.put(list + "/entry[2]/display-name", EL, utf8("<display-name>Caroline</display-name>"), ALICE)).status());
        assertEquals(200, xcap.handle(XcapRequest.put(list + "/entry[2]/@uri", ATT, utf8("sip:caroline@example.com"), ALICE)).status());
        assertEquals(201, xcap.handle(XcapRequest.put(list + "/entry[2]/display-name/@xml:lang", ATT, utf8("en"), ALICE)).status());
        XcapResponse ns = xcap.handle(XcapRequest.get(list + "/namespace::*", ALICE));
        assertEquals("<list xmlns=\"urn:ietf:params:xml:ns:resource-lists\"/>", ns.bodyText());
        assertEquals("application/xcap-ns+xml", ns.header("Content-Type").orElseThrow());
        assertEquals(405, xcap.handle(XcapRequest.put(list + "/namespace::*", EL, utf8("<x/>"), ALICE)).status());
        assertEquals(200, xcap.handle(XcapRequest.delete(list + "/entry%5b@uri=%22sip:bob@example.com%22%5d", ALICE)).status());
        String doc = xcap.handle(XcapRequest.get(LISTS, ALICE)).bodyText();
        assertTrue(doc.contains("<entry uri=\"sip:caroline@example.com\"><display-name xml:lang=\"en\">Caroline</display-name></entry>"), doc);
        assertTrue(!doc.contains("sip:bob@"), doc);
    }

    @Test
    void presRulesWithPrefixesFromTheQuery() {
        byte[] rules = Vectors.bytes("rfc5025/pres-rules.xml");
        assertEquals(201, xcap.handle(XcapRequest.put(RULES, "application/auth-policy+xml", rules, ALICE)).status());
        String rule = RULES + "/~~/cr:ruleset/cr:rule%5b@id=%22a%22%5d/cr:actions/sub-handling";
        XcapResponse get = xcap.handle(XcapRequest.get(rule, ALICE).withQuery("xmlns(cr=urn:ietf:params:xml:ns:common-policy)"));
        assertEquals("<pr:sub-handling>allow</pr:sub-handling>", get.bodyText());
        XcapResponse block = xcap.handle(XcapRequest.put(rule, EL, utf8("<pr:sub-handling>block</pr:sub-handling>"), ALICE)
                .withQuery("xmlns(cr=urn:ietf:params:xml:ns:common-policy)"));
        assertEquals(200, block.status(), block.bodyText());
        XcapResponse invalid = xcap.handle(XcapRequest.put(rule, EL, utf8("<pr:sub-handling>perhaps</pr:sub-handling>"), ALICE)
                .withQuery("xmlns(cr=urn:ietf:params:xml:ns:common-policy)"));
        assertEquals(409, invalid.status());
        assertTrue(invalid.bodyText().contains("<schema-validation-error"), invalid.bodyText());
        assertEquals(400, xcap.handle(XcapRequest.get(rule, ALICE)).status(), "cr is unbound without the query");
        XcapResponse newRule = xcap.handle(XcapRequest.put(RULES + "/~~/cr:ruleset/cr:rule%5b@id=%22a%22%5d", EL,
                utf8("<cr:rule id=\"a\"/>"), ALICE).withQuery("xmlns(cr=urn:ietf:params:xml:ns:common-policy)"));
        assertEquals(200, newRule.status(), newRule.bodyText());
        XcapResponse duplicate = xcap.handle(XcapRequest.put(RULES + "/~~/cr:ruleset/cr:rule%5b2%5d", EL,
                utf8("<cr:rule id=\"a\"/>"), ALICE).withQuery("xmlns(cr=urn:ietf:params:xml:ns:common-policy)"));
        assertEquals(409, duplicate.status());
        assertTrue(duplicate.bodyText().contains("<exists field=\"cr:ruleset/cr:rule/@id\"><alt-value>a-2</alt-value>"), duplicate.bodyText());
        assertEquals(List.of("pres-rules sip:alice@example.com index", "pres-rules sip:alice@example.com index",
                "pres-rules sip:alice@example.com index"), changes);
    }

    @Test
    void badInputNeverTouchesTheStoredDocument() {
        String tag = etag(putBuddies());
        byte[] before = xcap.handle(XcapRequest.get(LISTS, ALICE)).body();
        changes.clear();
        String list = LISTS + "/~~/resource-lists/list";
        List<XcapResponse> refused = new ArrayList<>();
        refused.add(xcap.handle(XcapRequest.put(LISTS, LISTS_TYPE, utf8("<resource-lists"), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(LISTS, "application/xml", utf8(BUDDIES), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(list + "/entry[3]", EL, utf8("<entry uri=\"sip:x@y\"/>"), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(list + "/entry[2]", EL, utf8("<entry uri=\"sip:bob@example.com\"/>"), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(list + "/entry[2]", EL, utf8("<entry/>"), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(list + "/entry[2]", EL, new byte[] {'<', 'a', (byte) 0xC3, '/', '>'}, ALICE)));
        refused.add(xcap.handle(XcapRequest.put(list + "/entry[2]", LISTS_TYPE, utf8("<entry uri=\"sip:x@y\"/>"), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(list + "/@name", EL, utf8("x"), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(list + "/@name", ATT, utf8("a<b"), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(list + "[", EL, utf8("<list/>"), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(list + "/nope/entry", EL, utf8("<entry uri=\"sip:x@y\"/>"), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(list + "/entry[@uri=\"sip:x@y\"]", EL, utf8("<entry uri=\"sip:x@y\">" + "x".repeat(3900) + "</entry>"), ALICE)));
        refused.add(xcap.handle(XcapRequest.put(LISTS, LISTS_TYPE, utf8(BUDDIES + " ".repeat(5000)), ALICE)));
        refused.add(xcap.handle(XcapRequest.delete(list + "/entry[5]", ALICE)));
        refused.add(xcap.handle(XcapRequest.put(LISTS, LISTS_TYPE, utf8(BUDDIES), BOB)));
        List<Integer> statuses = refused.stream().map(XcapResponse::status).toList();
        assertEquals(List.of(409, 415, 409, 409, 409, 409, 415, 415, 409, 400, 409, 409, 413, 404, 403), statuses,
                refused.stream().map(XcapResponse::bodyText).toList().toString());
        List<String> conditions = refused.stream().filter(r -> r.status() == 409).map(r -> r.bodyText().replaceAll("(?s).*<xcap-error[^>]*><([a-z0-9-]+).*", "$1")).toList();
        assertEquals(List.of("not-well-formed", "cannot-insert", "uniqueness-failure", "schema-validation-error", "not-utf-8",
                "not-xml-att-value", "no-parent", "constraint-failure"), conditions);
        refused.stream().filter(r -> r.status() == 409).forEach(r -> XcapErrorSchemaCheck.assertValid(r.body()));
        XcapResponse after = xcap.handle(XcapRequest.get(LISTS, ALICE));
        assertEquals(tag, etag(after));
        assertArrayEquals(before, after.body());
        assertEquals(List.of(), changes, "no change was told");
    }

    @Test
    void elementPutIntoAMissingDocumentNamesTheHomeDirectory() {
        XcapResponse r = xcap.handle(new XcapRequest(XcapRequest.Method.PUT, LISTS + "/~~/resource-lists/list", "", EL,
                List.of(), List.of(), utf8("<list/>"), ALICE, "http://xcap.example.com/xcap-root"));
        assertEquals(409, r.status());
        assertTrue(r.bodyText().contains("<ancestor>http://xcap.example.com/xcap-root/resource-lists/users/sip:alice@example.com</ancestor>"), r.bodyText());
        putBuddies();
        XcapResponse deep = xcap.handle(new XcapRequest(XcapRequest.Method.PUT, LISTS + "/~~/resource-lists/list%5b@name=%22friends%22%5d/list%5b@name=%22x%22%5d/entry",
                "", EL, List.of(), List.of(), utf8("<entry uri=\"sip:x@y\"/>"), ALICE, "http://xcap.example.com/xcap-root"));
        assertTrue(deep.bodyText().contains("<ancestor>http://xcap.example.com/xcap-root/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5B@name=%22friends%22%5D</ancestor>"), deep.bodyText());
    }

    @Test
    void whoMayDoWhat() {
        putBuddies();
        assertEquals(403, xcap.handle(XcapRequest.get(LISTS, BOB)).status());
        assertEquals(403, xcap.handle(XcapRequest.delete(LISTS, BOB)).status());
        assertEquals(200, xcap.handle(XcapRequest.get("/resource-lists/users/sip:Alice@EXAMPLE.COM;transport=tcp/index", Aor.parse("Alice@example.com"))).status() == 200 ? 403 : 200,
                "the user part is case-sensitive");
        assertEquals(200, xcap.handle(XcapRequest.get("/resource-lists/users/sip:alice@EXAMPLE.COM/index", ALICE)).status());
        assertEquals(404, xcap.handle(XcapRequest.get("/no-such-usage/users/sip:alice@example.com/index", ALICE)).status());
        assertEquals(403, xcap.handle(XcapRequest.put("/resource-lists/global/index", LISTS_TYPE, utf8(BUDDIES), ALICE)).status());
        XcapResponse caps = xcap.handle(XcapRequest.get("/xcap-caps/global/index", BOB));
        assertEquals(200, caps.status());
        assertEquals("application/xcap-caps+xml", caps.header("Content-Type").orElseThrow());
        assertTrue(caps.bodyText().contains("<auid>pres-rules</auid>") && caps.bodyText().contains("<auid>pidf-manipulation</auid>"));
        XcapErrorSchemaCheck.assertValid("xcap-caps.xsd", caps.body());
        XcapResponse capsWrite = xcap.handle(XcapRequest.put("/xcap-caps/global/index", "application/xcap-caps+xml", caps.body(), ALICE));
        assertEquals(405, capsWrite.status());
        assertEquals("GET", capsWrite.header("Allow").orElseThrow());
        assertEquals(404, xcap.handle(XcapRequest.get("/xcap-caps/users/sip:alice@example.com/index", ALICE)).status());
        assertEquals(304, xcap.handle(XcapRequest.get("/xcap-caps/global/index", BOB).withIfNoneMatch(etag(caps))).status());
    }

    @Test
    void serviceUrisAreUniqueAcrossUsersAndTheGlobalIndexHasThemAll() {
        byte[] services = Vectors.bytes("rfc4826/rls-services.xml");
        assertEquals(201, xcap.handle(XcapRequest.put("/rls-services/users/sip:bob@example.com/index", "application/rls-services+xml", services, BOB)).status());
        XcapResponse again = xcap.handle(XcapRequest.put("/rls-services/users/sip:alice@example.com/index", "application/rls-services+xml", services, ALICE));
        assertEquals(409, again.status());
        assertTrue(again.bodyText().contains("<exists field=\"rls-services/service/@uri\"><alt-value>sip:mybuddies-2@example.com</alt-value>"), again.bodyText());
        String mine = """
                <rls-services xmlns="urn:ietf:params:xml:ns:rls-services" xmlns:rl="urn:ietf:params:xml:ns:resource-lists">
                 <service uri="sip:alice-buddies@example.com"><list><rl:entry uri="sip:bob@example.com"/></list></service>
                </rls-services>""";
        assertEquals(201, xcap.handle(XcapRequest.put("/rls-services/users/sip:alice@example.com/index", "application/rls-services+xml", utf8(mine), ALICE)).status());
        XcapResponse index = xcap.handle(XcapRequest.get("/rls-services/global/index", ALICE));
        assertEquals(200, index.status());
        for (String uri : new String[] {"sip:mybuddies@example.com", "sip:marketing@example.com", "sip:alice-buddies@example.com"}) {
            assertTrue(index.bodyText().contains("uri=\"" + uri + "\""), index.bodyText());
        }
        XcapErrorSchemaCheck.assertValid("rls-services.xsd", index.body());
        assertEquals(405, xcap.handle(XcapRequest.delete("/rls-services/global/index", ALICE)).status());
    }

    @Test
    void writesOfOneDocumentAreSerialized() throws Exception {
        putBuddies();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<XcapResponse>> puts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String uri = "sip:u" + i + "@example.com";
            puts.add(pool.submit(() -> xcap.handle(XcapRequest.put(LISTS + "/~~/resource-lists/list/entry%5b@uri=%22" + uri + "%22%5d",
                    EL, utf8("<entry uri=\"" + uri + "\"/>"), ALICE))));
        }
        for (Future<XcapResponse> f : puts) assertEquals(201, f.get().status());
        pool.shutdown();
        String doc = xcap.handle(XcapRequest.get(LISTS, ALICE)).bodyText();
        for (int i = 0; i < 24; i++) assertTrue(doc.contains("sip:u" + i + "@example.com"), "entry " + i + " survived");
    }

    @Test
    void rulesThePrivacyEngineCannotReadAreRefusedAndNothingIsStored() {
        String unzoned = """
                <cr:ruleset xmlns:cr="urn:ietf:params:xml:ns:common-policy" xmlns:pr="urn:ietf:params:xml:ns:pres-rules">
                 <cr:rule id="r"><cr:conditions><cr:validity><cr:from>2026-11-22T10:00:00</cr:from>
                  <cr:until>2026-11-22T12:00:00</cr:until></cr:validity></cr:conditions>
                  <cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions></cr:rule>
                </cr:ruleset>""";
        XcapResponse r = xcap.handle(XcapRequest.put(RULES, "application/auth-policy+xml", utf8(unzoned), ALICE));
        assertEquals(409, r.status());
        String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.contains("<constraint-failure") && body.contains("not usable as privacy rules"), body);
        assertEquals(404, xcap.handle(XcapRequest.get(RULES, ALICE)).status());
        assertTrue(changes.isEmpty());
        XcapResponse zoned = xcap.handle(XcapRequest.put(RULES, "application/auth-policy+xml",
                utf8(unzoned.replace("10:00:00<", "10:00:00Z<").replace("12:00:00<", "12:00:00Z<")), ALICE));
        assertEquals(201, zoned.status(), () -> new String(zoned.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
