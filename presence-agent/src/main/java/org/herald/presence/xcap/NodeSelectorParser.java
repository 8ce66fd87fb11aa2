package org.herald.presence.xcap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.herald.presence.xcap.NodeSelector.Name;
import org.herald.presence.xcap.NodeSelector.Step;
import org.herald.presence.xcap.NodeSelector.Terminal;

/**
 * The RFC 4825 §6.3 grammar, by recursive descent over the decoded selector:
 *
 * <pre>
 *   node-selector      = element-selector ["/" terminal-selector]
 *   terminal-selector  = attribute-selector / namespace-selector
 *   element-selector   = step *( "/" step)
 *   step               = by-name / by-pos / by-attr / by-pos-attr
 *   by-name            = NameorAny
 *   by-pos             = NameorAny "[" position "]"
 *   by-attr            = NameorAny "[" attr-test "]"
 *   by-pos-attr        = NameorAny "[" position "]" "[" attr-test "]"
 *   NameorAny          = QName / "*"
 *   attr-test          = "@" att-name "=" att-value      ; att-value: XML AttValue
 *   attribute-selector = "@" att-name
 *   namespace-selector = "namespace::*"
 * </pre>
 *
 * Extension selectors are not supported: anything else is a 400.
 */
final class NodeSelectorParser {
    private static final String NAMESPACES = "namespace::*";

    private final String text;
    private final Map<String, String> bindings;
    private final String defaultNamespace;
    private int at;

    NodeSelectorParser(String text, Map<String, String> bindings, String defaultNamespace) {
        this.text = text;
        this.bindings = bindings;
        this.defaultNamespace = defaultNamespace;
    }

    NodeSelector parse() {
        if (text.isEmpty()) throw fail("the node selector is empty");
        if (text.startsWith("/")) at = 1; // tolerated: "~~//root" is what some clients send
        List<Step> steps = new ArrayList<>();
        Terminal terminal = new Terminal.ElementNode();
        while (true) {
            if (!steps.isEmpty() && peek() == '@') {
                at++;
                String qname = qname();
                terminal = new Terminal.AttributeNode(attributeName(qname));
                break;
            }
            if (!steps.isEmpty() && text.startsWith(NAMESPACES, at)) {
                at += NAMESPACES.length();
                terminal = new Terminal.Namespaces();
                break;
            }
            steps.add(step());
            if (at == text.length()) break;
            expect('/');
            if (at == text.length()) throw fail("the node selector ends with '/'");
        }
        if (at != text.length()) throw fail("unexpected '" + text.substring(at) + "' after the terminal selector");
        return new NodeSelector(steps, terminal);
    }

    private Step step() {
        int start = at;
        Name name = null;
        if (peek() == '*') {
            at++;
        } else {
            name = elementName(qname());
        }
        int position = NodeSelector.NO_POSITION;
        Name attribute = null;
        String value = null;
        if (peek() == '[') {
            at++;
            if (isDigit(peek())) {
                position = position();
                expect(']');
                if (peek() == '[') {
                    at++;
                    expect('@');
                    attribute = attributeName(qname());
                    expect('=');
                    value = attValue();
                    expect(']');
                }
            } else if (peek() == '@') {
                at++;
                attribute = attributeName(qname());
                expect('=');
                value = attValue();
                expect(']');
            } else {
                throw fail("a predicate is a position or an attribute test");
            }
        }
        if (peek() == '[') throw fail("too many predicates in step '" + text.substring(start, at) + "'");
        if (at < text.length() && peek() != '/') throw fail("unexpected '" + peek() + "' in step '" + text.substring(start, at + 1) + "'");
        return new Step(name, position, attribute, value, text.substring(start, at));
    }

    private int position() {
        int start = at;
        while (isDigit(peek())) at++;
        String digits = text.substring(start, at);
        if (digits.length() > 9) throw fail("position " + digits + " is too large");
        return Integer.parseInt(digits);
    }

    /** An XML AttValue: quoted, no '<', and '&' only as a character or predefined entity reference. */
    private String attValue() {
        char quote = peek();
        if (quote != '"' && quote != '\'') throw fail("an attribute value must be quoted");
        at++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= text.length()) throw fail("unterminated attribute value");
            char c = text.charAt(at);
            if (c == quote) {
                at++;
                return value.toString();
            }
            if (c == '<') throw fail("'<' in an attribute value");
            if (c == '&') {
                int end = text.indexOf(';', at);
                if (end < 0) throw fail("unterminated reference in an attribute value");
                String resolved = AttributeValues.reference(text.substring(at + 1, end));
                if (resolved == null) throw fail("unknown reference &" + text.substring(at + 1, end) + ";");
                value.append(resolved);
                at = end + 1;
            } else {
                value.append(c);
                at++;
            }
        }
    }

    private String qname() {
        int start = at;
        ncName();
        if (peek() == ':' && !text.startsWith("::", at)) {
            at++;
            ncName();
        }
        return text.substring(start, at);
    }

    private void ncName() {
        if (at >= text.length() || !isNameStart(text.charAt(at))) {
            throw fail(at >= text.length() ? "a name is missing at the end" : "a name cannot start with '" + text.charAt(at) + "'");
        }
        at++;
        while (at < text.length() && isNameChar(text.charAt(at))) at++;
    }

    private Name elementName(String qname) {
        int colon = qname.indexOf(':');
        if (colon < 0) return new Name(defaultNamespace, qname, "");
        String prefix = qname.substring(0, colon);
        return new Name(namespaceOf(prefix), qname.substring(colon + 1), prefix);
    }

    private Name attributeName(String qname) {
        int colon = qname.indexOf(':');
        if (colon < 0) {
            if (qname.equals("xmlns")) throw fail("namespace declarations are selected with namespace::*");
            return new Name("", qname, "");
        }
        String prefix = qname.substring(0, colon);
        if (prefix.equals("xmlns")) throw fail("namespace declarations are selected with namespace::*");
        return new Name(namespaceOf(prefix), qname.substring(colon + 1), prefix);
    }

    private String namespaceOf(String prefix) {
        if (prefix.equals("xml")) return XMLConstants.XML_NS_URI;
        String ns = bindings.get(prefix);
        if (ns == null) throw fail("prefix '" + prefix + "' is not bound: add ?xmlns(" + prefix + "=...) to the URI");
        return ns;
    }

    private void expect(char c) {
        if (peek() != c) throw fail("expected '" + c + "' at position " + (at + 1) + " of the node selector");
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 0x7f && !Character.isWhitespace(c);
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || isDigit(c) || c == '-' || c == '.' || c == '\u00b7';
    }

    private XcapException fail(String why) {
        return XcapException.badRequest("bad node selector: " + why);
    }
}
