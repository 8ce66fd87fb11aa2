package org.herald.presence.filter;

import java.util.ArrayList;
import java.util.List;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.w3c.dom.Node;

/**
 * One compiled XPath expression of a filter, with the text it was compiled from. The executable is
 * immutable and shared; each evaluation loads its own selector.
 */
public record Selection(String expression, XPathExecutable executable) {

    /** The DOM nodes the expression selects in the document ({@code doc} wraps a DOM); nothing on an evaluation error. */
    public List<Node> select(XdmNode doc) {
        List<Node> out = new ArrayList<>();
        try {
            XPathSelector selector = executable.load();
            selector.setContextItem(doc);
            for (XdmItem item : selector) {
                if (item instanceof XdmNode n && n.getExternalNode() instanceof Node dom) out.add(dom);
            }
        } catch (SaxonApiException | RuntimeException e) {
            return List.of(); // a dynamic error selects nothing (e.g. a type error on this document)
        }
        return out;
    }

    @Override
    public String toString() {
        return expression;
    }
}
