package org.herald.presence.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class FragmentCaptureTest {

    /** Captures the first element found under the root of the document. */
    private static XmlFragment firstChild(String document) throws Exception {
        XMLStreamReader r = SafeXml.open(document.getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT);
        int starts = 0;
        while (true) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && ++starts == 2) return FragmentCapture.capture(r);
        }
    }

    @Test
    void declaresInheritedPrefixesOnItsRootInOrderOfUse() throws Exception {
        XmlFragment f = firstChild("<root xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" xmlns:unused=\"urn:u\">"
                + "<a:x id=\"7\" b:flag=\"1\"><b:y/></a:x></root>");
        assertEquals("<a:x xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" id=\"7\" b:flag=\"1\"><b:y/></a:x>", f.xml());
        assertEquals("urn:a", f.namespace());
        assertEquals("x", f.localName());
        assertEquals("7", f.id());
    }

    @Test
    void keepsItsOwnDeclarationsFirstAndDoesNotRedeclareWhatItDeclaresInside() throws Exception {
        XmlFragment f = firstChild("<root xmlns:a=\"urn:outer\"><x:e xmlns:x=\"urn:x\"><a:i xmlns:a=\"urn:inner\"/>"
                + "<a:j/></x:e></root>");
        assertEquals("<x:e xmlns:x=\"urn:x\" xmlns:a=\"urn:outer\"><a:i xmlns:a=\"urn:inner\"/><a:j/></x:e>", f.xml());
    }

    @Test
    void bindsTheDefaultNamespaceItRelisOnIncludingNone() throws Exception {
        assertEquals("<e xmlns=\"urn:d\"><f/></e>",
                firstChild("<r xmlns=\"urn:d\"><e><f/></e></r>").xml());
        assertEquals("<p:e xmlns:p=\"urn:p\" xmlns=\"\"><f/></p:e>",
                firstChild("<r xmlns:p=\"urn:p\"><p:e><f/></p:e></r>").xml());
    }

    @Test
    void neverDeclaresTheXmlPrefix() throws Exception {
        assertEquals("<x:n xmlns:x=\"urn:x\" xml:lang=\"fr\">salut</x:n>",
                firstChild("<r xmlns:x=\"urn:x\"><x:n xml:lang=\"fr\">salut</x:n></r>").xml());
    }

    @Test
    void escapesWhatMustBeEscapedAndKeepsWhitespace() throws Exception {
        XmlFragment f = firstChild("<r xmlns:x=\"urn:x\"><x:e a='say \"hi\" &amp; &lt;go&gt;' b=\"tab&#9;nl&#10;\">"
                + "\n  1 &lt; 2 &amp;&amp; 3 &gt; 2 <![CDATA[<raw>]]> &#13;\n<!-- gone --><?pi gone?></x:e></r>");
        assertEquals("<x:e xmlns:x=\"urn:x\" a=\"say &quot;hi&quot; &amp; &lt;go>\" b=\"tab&#9;nl&#10;\">"
                + "\n  1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;raw&gt; &#13;\n</x:e>", f.xml());
        assertEquals(f, recapture(f));
    }

    @Test
    void anElementWithoutAnIdHasNone() throws Exception {
        assertNull(firstChild("<r xmlns:x=\"urn:x\"><x:e x:id=\"qualified\"/></r>").id());
    }

    private static XmlFragment recapture(XmlFragment f) throws Exception {
        XMLStreamReader r = SafeXml.open(f.xml().getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT);
        while (r.next() != XMLStreamConstants.START_ELEMENT) { }
        return FragmentCapture.capture(r);
    }
}
