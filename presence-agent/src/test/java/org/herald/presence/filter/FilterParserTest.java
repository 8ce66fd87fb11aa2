package org.herald.presence.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.BodyCheck;
import org.herald.sip.event.SubscribeBody;
import org.junit.jupiter.api.Test;

class FilterParserTest {
    private final FilterParser parser = new FilterParser("presence");

    private static String set(String attrs, String filters) {
        return "<filter-set xmlns=\"urn:ietf:params:xml:ns:simple-filter\"" + attrs + ">"
                + "<ns-bindings><ns-binding prefix=\"pidf\" urn=\"urn:ietf:params:xml:ns:pidf\"/></ns-bindings>" + filters + "</filter-set>";
    }

    private FilterException.Kind refused(String xml) {
        return assertThrows(FilterException.class, () -> parser.parse(xml.getBytes(StandardCharsets.UTF_8))).kind();
    }

    @Test
    void readsFiltersTriggersAndBindings() throws Exception {
        FilterSet s = parser.parse(set("", "<filter id=\"1\" uri=\"sip:bob@example.com\"><what><include>/pidf:presence</include>"
                + "<exclude>//pidf:note</exclude></what><trigger><changed from=\"open\" by=\"1\">//pidf:basic</changed>"
                + "<added>//pidf:tuple</added></trigger></filter><filter id=\"2\" remove=\"true\"/>").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, s.filters().size());
        Filter f = s.filters().get(0);
        assertEquals("sip:bob@example.com", f.uri());
        assertEquals(1, f.includes().size());
        assertEquals(1, f.excludes().size());
        var changed = assertInstanceOf(Condition.Changed.class, f.triggers().get(0).get(0));
        assertEquals("open", changed.from());
        assertEquals(1.0, changed.by());
        assertInstanceOf(Condition.Added.class, f.triggers().get(0).get(1));
    }

    @Test
    void malformedDocumentsAre400AndUnhonourableOnes488() {
        assertEquals(FilterException.Kind.MALFORMED, refused("<filter-set"));
        assertEquals(FilterException.Kind.MALFORMED, refused("<other xmlns=\"urn:x\"/>"));
        assertEquals(FilterException.Kind.MALFORMED, refused("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + set("", "<filter id=\"1\"><what><include>&e;</include></what></filter>")));
        assertEquals(FilterException.Kind.MALFORMED, refused(set("", "<filter><what><include>/a</include></what></filter>")));
        assertEquals(FilterException.Kind.UNSUPPORTED, refused(set(" package=\"reg\"", "")));
        assertEquals(FilterException.Kind.UNSUPPORTED, refused(set("", "<filter id=\"1\"><what><include type=\"xquery\">/a</include></what></filter>")));
        assertEquals(FilterException.Kind.UNSUPPORTED, refused(set("", "<filter id=\"1\"><what><include>/pidf:presence[[</include></what></filter>")));
        assertEquals(FilterException.Kind.UNSUPPORTED, refused(set("", "<filter id=\"1\"><what><include>/x:presence</include></what></filter>")));
        assertEquals(FilterException.Kind.UNSUPPORTED, refused(set("", "<filter id=\"1\"><what><include>doc('file:///etc/passwd')</include></what></filter>")));
        assertEquals(FilterException.Kind.UNSUPPORTED, refused(set("", "<filter id=\"1\"><what><include>unparsed-text ('/etc/passwd')</include></what></filter>")));
        assertEquals(FilterException.Kind.UNSUPPORTED, refused(set("", "<filter id=\"1\"/>".repeat(FilterParser.MAX_FILTERS + 1))));
    }

    @Test
    void onlyXPath10IsHonouredSoNoExpressionCostsUnboundedTime() throws Exception {
        for (String costly : new String[] {"(1 to 100000000)[. = 0]", "for $i in 1 to 9 return $i", "/pidf:presence ! string()",
                "some $t in //pidf:tuple satisfies $t", "function($x) { $x }(1)", "'a' || 'b'", "/pidf:presence => count()"}) {
            assertEquals(FilterException.Kind.UNSUPPORTED, refused(set("", "<filter id=\"1\"><what><include>" + costly.replace("<", "&lt;")
                    .replace(">", "&gt;") + "</include></what></filter>")), costly);
        }
        parser.parse(set("", "<filter id=\"1\"><what><include>//pidf:tuple[pidf:note = 'to do' and pidf:note != 'x']</include></what></filter>")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noDocumentIsReadEvenThroughAnAllowedLookingExpression() throws Exception {
        // a relative URI resolved at run time must not reach the file system either
        FilterSet s = parser.parse(set("", "<filter id=\"1\"><what><include>/pidf:presence[string-length(base-uri()) ge 0]</include></what></filter>")
                .getBytes(StandardCharsets.UTF_8));
        Snapshot view = Snapshot.of("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\"/>".getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT);
        assertInstanceOf(Filtering.Outcome.Send.class, Filtering.apply(s.filters(), null, view));
    }

    @Test
    void watcherFiltersAnswerAsRfc4660Says() {
        WatcherFilters filters = new WatcherFilters("presence", XmlLimits.DEFAULT);
        var wrongType = assertInstanceOf(BodyCheck.Reject.class, filters.check(new SubscribeBody("text/plain", new byte[] {1})));
        assertEquals(415, wrongType.response().status());
        assertEquals(400, assertInstanceOf(BodyCheck.Reject.class,
                filters.check(new SubscribeBody(FilterSet.CONTENT_TYPE, "<x".getBytes(StandardCharsets.UTF_8)))).response().status());
        assertEquals(488, assertInstanceOf(BodyCheck.Reject.class, filters.check(new SubscribeBody(FilterSet.CONTENT_TYPE,
                set(" package=\"reg\"", "").getBytes(StandardCharsets.UTF_8)))).response().status());
        assertInstanceOf(BodyCheck.Keep.class, filters.check(new SubscribeBody(FilterSet.CONTENT_TYPE,
                set("", "<filter id=\"1\"/>").getBytes(StandardCharsets.UTF_8))));
    }
}
