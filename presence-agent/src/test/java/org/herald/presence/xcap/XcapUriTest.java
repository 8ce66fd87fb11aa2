package org.herald.presence.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.herald.presence.xcap.store.DocumentKey;
import org.junit.jupiter.api.Test;

/** RFC 4825 §6: document selectors, the node selector separator and the xmlns() query. */
class XcapUriTest {

    @Test
    void aUsersDocumentWithAnEncodedXui() {
        XcapUri uri = XcapUri.parse("/resource-lists/users/sip%3Ajoe%40example.com/index", "");
        assertEquals(DocumentKey.user("resource-lists", "sip:joe@example.com", "index"), uri.document());
        assertEquals(Optional.empty(), uri.nodeSelector());
        assertEquals(uri.document(), XcapUri.parse("/resource-lists/users/sip:joe@example.com/index", "").document());
    }

    @Test
    void theRfcExampleUriWithANodeSelector() {
        XcapUri uri = XcapUri.parse("/resource-lists/users/sip:joe@example.com/index/~~/resource-lists/list%5b@name=%22l1%22%5d", "");
        assertEquals("resource-lists/list[@name=\"l1\"]", uri.nodeSelector().orElseThrow());
        assertEquals("resource-lists/users/sip:joe@example.com/index", uri.documentPath());
    }

    @Test
    void globalDocumentsAndNestedNames() {
        assertEquals(DocumentKey.global("xcap-caps", "index"), XcapUri.parse("/xcap-caps/global/index", "").document());
        assertEquals(DocumentKey.user("pres-rules", "sip:a@example.com", "dir/doc"),
                XcapUri.parse("/pres-rules/users/sip:a@example.com/dir/doc", "").document());
    }

    @Test
    void sipXuisAreCanonical() {
        assertEquals("sip:Alice@example.com", XcapUri.canonicalXui("sip:Alice@EXAMPLE.com"));
        assertEquals("sip:alice@example.com", XcapUri.canonicalXui("sips:alice@example.com;transport=tcp"));
        assertEquals("tel:+1234", XcapUri.canonicalXui("tel:+1234"));
        assertEquals(Optional.of("sip:bob@example.com"), XcapUri.xuiOf("/pres-rules/users/sip%3Abob%40Example.com/index"));
        assertEquals(Optional.empty(), XcapUri.xuiOf("/xcap-caps/global/index"));
    }

    @Test
    void namespaceBindingsFromTheQuery() {
        assertEquals(Map.of("a", "urn:test:namespace1-uri", "b", "urn:test:namespace2-uri"),
                XcapUri.namespaceBindings("xmlns(a=urn:test:namespace1-uri)xmlns(b=urn:test:namespace2-uri)"));
        assertEquals(Map.of("p", "urn:x(1)"), XcapUri.namespaceBindings("xmlns(p=urn:x^(1^))"));
        assertEquals(Map.of("p", "urn:ietf:params:xml:ns:pres-rules"),
                XcapUri.namespaceBindings("xmlns(p%3Durn%3Aietf%3Aparams%3Axml%3Ans%3Apres-rules)"));
        for (String bad : new String[] {"foo=bar", "xmlns(p)", "xmlns(p=urn:x", "xmlns(1=urn:x)", "xmlns(p=a(b))"}) {
            assertEquals(400, assertThrows(XcapException.class, () -> XcapUri.namespaceBindings(bad)).response().status(), bad);
        }
    }

    @Test
    void whatIsNotADocument() {
        for (String path : new String[] {"/", "/resource-lists", "/resource-lists/users", "/resource-lists/users/sip:a@b",
                "/resource-lists/users/sip:a@b/", "/resource-lists/user/sip:a@b/index", "/resource-lists/global",
                "/resource-lists/users/sip:a@b/../x", "/resource-lists/users//index"}) {
            assertEquals(404, assertThrows(XcapException.class, () -> XcapUri.parse(path, "")).response().status(), path);
        }
        for (String path : new String[] {"/resource-lists/users/sip:a@b/index/~~", "/resource-lists/users/sip:a@b/index/~~/",
                "/resource-lists/users/sip:a@b/index%zz", "/resource-lists/users/sip:a@b/index/~~/a%ff"}) {
            assertEquals(400, assertThrows(XcapException.class, () -> XcapUri.parse(path, "")).response().status(), path);
        }
    }

    @Test
    void selectorsAreEncodedForErrorDocuments() {
        String encoded = XcapUri.encodeSelector("resource-lists/list[@name=\"l1\"]");
        assertEquals("resource-lists/list%5B@name=%22l1%22%5D", encoded);
        assertTrue(XcapUri.decode(encoded, true).endsWith("[@name=\"l1\"]"));
    }
}
