package org.herald.presence.filter;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import org.w3c.dom.Document;

/**
 * Saxon-HE, set up for expressions written by subscribers: nothing may be read from outside the
 * document (no protocol allowed, no resource resolved, and functions that reach out are refused at
 * compile time), and expressions are short. One processor for the whole agent; it is thread-safe.
 */
public final class XPaths {
    static final int MAX_EXPRESSION_LENGTH = 1024;
    private static final Processor PROCESSOR = processor();
    /** Functions that read files, URLs, the environment or other modules. */
    private static final Set<String> REFUSED = Set.of("doc", "doc-available", "document", "unparsed-text",
            "unparsed-text-lines", "unparsed-text-available", "collection", "uri-collection", "environment-variable",
            "available-environment-variables", "json-doc", "transform", "load-xquery-module", "system-property",
            "function-lookup", "put", "random-number-generator");
    private static final Pattern LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern BEYOND_XPATH_1 = Pattern.compile(
            "(^|[\\s(\\[,])(to|for|let|some|every|return|satisfies)\\s|function\\s*\\(|=>|\\|\\||(^|[^!])!(?!=)");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][\\w.\\-]*:)?([A-Za-z_][\\w.\\-]*)\\s*(#|\\()");

    private XPaths() {}

    /** Compiles an expression with these namespace bindings (prefix "" sets the default element namespace). */
    public static Selection compile(String expression, Map<String, String> namespaces) throws FilterException {
        String text = expression.trim();
        if (text.isEmpty()) throw new FilterException(FilterException.Kind.MALFORMED, "an empty expression");
        if (text.length() > MAX_EXPRESSION_LENGTH) {
            throw new FilterException(FilterException.Kind.UNSUPPORTED, "an expression longer than " + MAX_EXPRESSION_LENGTH);
        }
        String code = LITERAL.matcher(text).replaceAll("''");
        if (BEYOND_XPATH_1.matcher(code).find()) { // ranges, loops and inline functions could make one NOTIFY cost any CPU
            throw new FilterException(FilterException.Kind.UNSUPPORTED, "only XPath 1.0 expressions are honoured: " + text);
        }
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            if (REFUSED.contains(m.group(2))) {
                throw new FilterException(FilterException.Kind.UNSUPPORTED, "the function " + m.group(2) + " is not allowed");
            }
        }
        XPathCompiler compiler = PROCESSOR.newXPathCompiler();
        namespaces.forEach(compiler::declareNamespace);
        try {
            return new Selection(text, compiler.compile(text));
        } catch (SaxonApiException e) {
            throw new FilterException(FilterException.Kind.UNSUPPORTED, "cannot compile " + text + ": " + e.getMessage());
        }
    }

    /** Wraps a DOM for evaluation; selected items map back to its nodes. */
    public static XdmNode wrap(Document doc) {
        DocumentBuilder builder = PROCESSOR.newDocumentBuilder();
        return builder.wrap(doc);
    }

    private static Processor processor() {
        Processor p = new Processor(false);
        p.setConfigurationProperty(Feature.ALLOWED_PROTOCOLS, "");
        p.getUnderlyingConfiguration().setResourceResolver(request -> {
            throw new net.sf.saxon.trans.XPathException("no resource may be read: " + request.uri);
        });
        return p;
    }
}
