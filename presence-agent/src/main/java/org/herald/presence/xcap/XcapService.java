package org.herald.presence.xcap;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamException;
import org.herald.presence.xcap.NodeSelector.Terminal;
import org.herald.presence.xcap.XcapConflict.Condition;
import org.herald.presence.xcap.XcapRequest.Method;
import org.herald.presence.xcap.store.DocumentKey;
import org.herald.presence.xcap.store.XcapDocument;
import org.herald.presence.xcap.store.XcapDocumentStore;
import org.herald.presence.xml.SafeDom;
import org.herald.sip.message.Aor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XCAP server (RFC 4825) without HTTP: one {@link XcapRequest} in, one {@link XcapResponse} out,
 * never an exception. For every request:
 *
 * <pre>
 *   parse URI (400/404) ─► usage (404) ─► who may (403, 405) ─► lock the document
 *     ─► If-Match / If-None-Match on its ETag (412, 304)
 *     ─► GET:    document | element | attribute | namespace::*                     (404)
 *        PUT:    content type (415) ─► body (409 not-utf-8, not-well-formed, not-xml-frag,
 *                not-xml-att-value) ─► apply (409 no-parent, cannot-insert) ─► size (409)
 *                ─► usage checks (409 uniqueness-failure, schema-validation-error,
 *                constraint-failure) ─► store with a new ETag ─► 201 or 200
 *        DELETE: apply (404, 409 cannot-delete) ─► usage checks ─► store ─► 200
 *     ─► tell the listener (users' documents of pres-rules, resource-lists, rls-services,
 *        pidf-manipulation)
 * </pre>
 *
 * A user reads and writes only documents in their own home directory; global documents are
 * readable by every authenticated user and written by nobody (they are generated). Writes of one
 * document are serialized in this process; every write stores the whole document, which is atomic.
 */
public final class XcapService {
    private static final Logger log = LoggerFactory.getLogger(XcapService.class);
    private static final int STRIPES = 64;

    private final XcapDocumentStore store;
    private final XcapChangeListener listener;
    private final XcapLimits limits;
    private final InstantSource clock;
    private final ApplicationUsages usages;
    private final Supplier<String> etags;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public XcapService(XcapDocumentStore store, XcapChangeListener listener, XcapLimits limits, InstantSource clock) {
        this(store, listener, limits, clock, ApplicationUsages.standard(), randomTags());
    }

    XcapService(XcapDocumentStore store, XcapChangeListener listener, XcapLimits limits, InstantSource clock,
                ApplicationUsages usages, Supplier<String> etags) {
        this.store = store;
        this.listener = listener;
        this.limits = limits;
        this.clock = clock;
        this.usages = usages;
        this.etags = etags;
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    public XcapLimits limits() {
        return limits;
    }

    public ApplicationUsages usages() {
        return usages;
    }

    /** Answers the request; every failure is an answer (400 … 415), an unexpected one a 500. */
    public XcapResponse handle(XcapRequest request) {
        try {
            return answer(request);
        } catch (XcapException e) {
            return e.response();
        } catch (RuntimeException e) {
            log.warn("XCAP {} {} failed: {}", request.method(), request.path(), e.toString(), e);
            return XcapResponse.text(500, "internal error");
        }
    }

    private XcapResponse answer(XcapRequest request) {
        XcapUri uri = XcapUri.parse(request.path(), request.query());
        DocumentKey key = uri.document();
        ApplicationUsage usage = usages.find(key.auid())
                .orElseThrow(() -> XcapException.notFound("no application usage " + key.auid()));
        authorize(request, key, usage);
        Optional<NodeSelector> selector = uri.nodeSelector()
                .map(text -> NodeSelector.parse(text, uri.namespaces(), usage.defaultNamespace()));
        if (request.method() != Method.GET && selector.map(s -> s.terminal() instanceof Terminal.Namespaces).orElse(false)) {
            throw methodNotAllowed("namespace bindings are read-only");
        }
        if (request.method() == Method.PUT) checkPutBody(request, usage, selector);
        ReentrantLock lock = lockFor(key, usage);
        lock.lock();
        try {
            Optional<XcapDocument> current = current(key, usage);
            switch (EntityTags.evaluate(request.ifMatch(), request.ifNoneMatch(), current.map(XcapDocument::etag).orElse(null),
                    request.method() == Method.GET)) {
                case FAILED -> throw XcapException.status(412, "precondition failed");
                case NOT_MODIFIED -> {
                    return XcapResponse.of(304).withEntityTag(current.orElseThrow().etag());
                }
                case PROCEED -> { }
            }
            return switch (request.method()) {
                case GET -> get(current, usage, selector);
                case PUT -> put(request, uri, usage, current, selector);
                case DELETE -> delete(request, uri, usage, current, selector);
            };
        } finally {
            lock.unlock();
        }
    }

    private void authorize(XcapRequest request, DocumentKey key, ApplicationUsage usage) {
        if (key.isGlobal()) {
            if (request.method() == Method.GET) return;
            if (!usage.writable() || usage.globalIndex().isPresent()) throw methodNotAllowed("global documents are read-only");
            throw XcapException.status(403, "global documents are not written over XCAP");
        }
        if (!usage.writable()) throw XcapException.notFound(usage.auid() + " has global documents only");
        if (!owns(request.requester(), key.xui())) {
            throw XcapException.status(403, "users read and write only their own documents");
        }
    }

    private static boolean owns(Aor requester, String xui) {
        return requester != null && XcapUri.canonicalXui(xui).equals(requester.uri());
    }

    private void checkPutBody(XcapRequest request, ApplicationUsage usage, Optional<NodeSelector> selector) {
        if (request.body().length > limits.maxDocumentSize()) {
            throw XcapException.status(413, "the body exceeds " + limits.maxDocumentSize() + " bytes");
        }
        String expected = selector.map(s -> s.terminal() instanceof Terminal.AttributeNode
                ? NodeOperations.ATTRIBUTE_TYPE : NodeOperations.ELEMENT_TYPE).orElse(usage.mimeType());
        if (!request.mediaType().equals(expected)) {
            throw XcapException.status(415, "the content type must be " + expected);
        }
    }

    /** The stored document, or the generated global index of the usage. */
    private Optional<XcapDocument> current(DocumentKey key, ApplicationUsage usage) {
        if (key.isGlobal() && usage.globalIndex().isPresent()) {
            if (!key.name().equals("index")) return Optional.empty();
            byte[] body = usage.globalIndex().get().build(store, limits);
            return Optional.of(new XcapDocument(key, contentTag(body), body, clock.instant()));
        }
        return store.find(key);
    }

    private XcapResponse get(Optional<XcapDocument> current, ApplicationUsage usage, Optional<NodeSelector> selector) {
        XcapDocument doc = current.orElseThrow(() -> XcapException.notFound("no such document"));
        if (selector.isEmpty()) return XcapResponse.of(200).withBody(usage.mimeType(), doc.body()).withEntityTag(doc.etag());
        NodeOperations.Read read = new NodeOperations(parseStored(doc), selector.get(), k -> "").get();
        return XcapResponse.of(200).withBody(read.contentType(), read.body()).withEntityTag(doc.etag());
    }

    private XcapResponse put(XcapRequest request, XcapUri uri, ApplicationUsage usage, Optional<XcapDocument> current,
                             Optional<NodeSelector> selector) {
        DocumentKey key = uri.document();
        if (selector.isEmpty()) {
            org.w3c.dom.Document parsed = RequestBodies.document(request.body(), limits.xml());
            usage.validate(parsed, context(key));
            XcapDocument saved = save(key, request.body());
            changed(usage, key);
            return XcapResponse.of(current.isPresent() ? 200 : 201).withEntityTag(saved.etag());
        }
        XcapDocument doc = current.orElseThrow(() -> XcapException.conflict(XcapConflict.noParent(
                "the document does not exist", request.root() + "/" + homeOf(uri))));
        org.w3c.dom.Document tree = parseStored(doc);
        NodeOperations operations = new NodeOperations(tree, selector.get(), k -> ancestor(request, uri, selector.get(), k));
        boolean created = selector.get().terminal() instanceof Terminal.AttributeNode
                ? operations.putAttribute(request.body())
                : operations.putElement(request.body(), limits.xml());
        XcapDocument saved = saveChanged(key, usage, tree);
        return XcapResponse.of(created ? 201 : 200).withEntityTag(saved.etag());
    }

    private XcapResponse delete(XcapRequest request, XcapUri uri, ApplicationUsage usage, Optional<XcapDocument> current,
                                Optional<NodeSelector> selector) {
        DocumentKey key = uri.document();
        XcapDocument doc = current.orElseThrow(() -> XcapException.notFound("no such document"));
        if (selector.isEmpty()) {
            store.remove(key);
            changed(usage, key);
            return XcapResponse.of(200);
        }
        org.w3c.dom.Document tree = parseStored(doc);
        NodeOperations operations = new NodeOperations(tree, selector.get(), k -> ancestor(request, uri, selector.get(), k));
        if (selector.get().terminal() instanceof Terminal.AttributeNode) {
            operations.deleteAttribute();
        } else {
            operations.deleteElement();
        }
        return XcapResponse.of(200).withEntityTag(saveChanged(key, usage, tree).etag());
    }

    private XcapDocument saveChanged(DocumentKey key, ApplicationUsage usage, org.w3c.dom.Document tree) {
        byte[] body = DomWriter.document(tree);
        if (body.length > limits.maxDocumentSize()) {
            throw XcapException.conflict(Condition.CONSTRAINT_FAILURE, "the document would exceed " + limits.maxDocumentSize() + " bytes");
        }
        usage.validate(tree, context(key));
        XcapDocument saved = save(key, body);
        changed(usage, key);
        return saved;
    }

    private XcapDocument save(DocumentKey key, byte[] body) {
        XcapDocument doc = new XcapDocument(key, etags.get(), body, clock.instant());
        store.save(doc);
        return doc;
    }

    private void changed(ApplicationUsage usage, DocumentKey key) {
        if (!usage.notifies() || key.isGlobal()) return;
        try {
            listener.changed(key.auid(), key.xui(), key.name());
        } catch (RuntimeException e) {
            log.warn("XCAP change listener failed for {}: {}", key, e.toString(), e);
        }
    }

    private DocumentConstraint.Context context(DocumentKey key) {
        return new DocumentConstraint.Context(key, () -> store.ofApplication(key.auid()), limits);
    }

    private org.w3c.dom.Document parseStored(XcapDocument doc) {
        try {
            return SafeDom.parse(doc.body(), limits.xml());
        } catch (XMLStreamException e) {
            throw new IllegalStateException("stored document " + doc.key() + " no longer parses: " + e.getMessage(), e);
        }
    }

    /** The absolute URI the first {@code k} steps select: the document itself for 0. */
    private static String ancestor(XcapRequest request, XcapUri uri, NodeSelector selector, int k) {
        String base = request.root() + "/" + uri.documentPath();
        if (k == 0) return base;
        String query = request.query().isEmpty() ? "" : "?" + request.query();
        return base + "/~~/" + XcapUri.encodeSelector(selector.sourceOf(k)) + query;
    }

    /** The user's home directory in this usage, as the client wrote it: {@code auid/users/XUI}. */
    private static String homeOf(XcapUri uri) {
        String[] segments = uri.documentPath().split("/");
        return uri.document().isGlobal() ? segments[0] + "/global" : segments[0] + "/users/" + segments[2];
    }

    /** rls-services checks URIs across users, so its writes take one lock; others one per document. */
    private ReentrantLock lockFor(DocumentKey key, ApplicationUsage usage) {
        Object what = usage.auid().equals(ApplicationUsages.RLS_SERVICES) ? usage.auid() : key;
        return locks[Math.floorMod(what.hashCode(), STRIPES)];
    }

    private static XcapException methodNotAllowed(String why) {
        return XcapException.answer(XcapResponse.text(405, why).withHeader("Allow", "GET"));
    }

    private String contentTag(byte[] body) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 12));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Supplier<String> randomTags() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        };
    }
}
