package org.herald.presence.xcap;

import java.util.ArrayList;
import java.util.List;
import org.herald.presence.xcap.NodeSelector.Step;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Evaluates the steps of a node selector on a document (RFC 4825 §6.3): from the document node,
 * each step enumerates the element children of the context in document order, keeps those whose
 * expanded name matches, applies the position, then the attribute test; exactly one element must
 * remain to go on, and what remains after the last step is the selected element.
 */
final class Selection {
    private Selection() {}

    sealed interface Result {
        /** Every step selected exactly one element; this is the last. */
        record Found(Element element) implements Result {}

        /**
         * Step {@code failedStep} (0-based) selected no element, or several ({@code ambiguous}), in
         * {@code context}: the node the first {@code failedStep} steps selected (the document for 0).
         */
        record NotFound(int failedStep, Node context, boolean ambiguous) implements Result {
            /** Whether only the last step failed, so the context is the parent the last step looks in. */
            boolean parentFound(int steps) {
                return failedStep == steps - 1;
            }
        }
    }

    static Result select(Document doc, List<Step> steps) {
        Node context = doc;
        for (int i = 0; i < steps.size(); i++) {
            List<Element> matches = matches(context, steps.get(i));
            if (matches.size() != 1) return new Result.NotFound(i, context, matches.size() > 1);
            context = matches.get(0);
        }
        return new Result.Found((Element) context);
    }

    /** The element children of the context that the step selects. */
    static List<Element> matches(Node context, Step step) {
        List<Element> named = named(context, step);
        if (step.hasPosition()) {
            if (step.position() < 1 || step.position() > named.size()) return List.of();
            named = List.of(named.get(step.position() - 1));
        }
        return named.stream().filter(step::attributeMatches).toList();
    }

    /** The element children of the context whose name the step's name test accepts, in order. */
    static List<Element> named(Node context, Step step) {
        List<Element> out = new ArrayList<>();
        for (Node n = context.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && step.nameMatches(e)) out.add(e);
        }
        return out;
    }

    /** The element children with the same expanded name as the element, in order. */
    static List<Element> sameName(Node context, Element like) {
        List<Element> out = new ArrayList<>();
        for (Node n = context.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && java.util.Objects.equals(e.getNamespaceURI(), like.getNamespaceURI())
                    && e.getLocalName().equals(like.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
