package org.herald.server.push;

import java.time.InstantSource;
import java.util.List;
import org.herald.push.PushConfig;
import org.herald.push.PushGateway;
import org.herald.push.api.ApiReply;
import org.herald.push.api.Waker;
import org.herald.push.session.PushConnection;
import org.herald.push.session.PushSocket;
import org.herald.server.http.HttpHandler;
import org.herald.server.http.HttpRequest;
import org.herald.server.http.HttpResponse;
import org.herald.server.http.HttpRoute;
import org.herald.server.http.WebSocketPeer;
import org.herald.server.http.WebSocketRoute;
import org.herald.server.http.WebSocketSession;
import org.herald.store.mongo.DocumentDatabase;

/**
 * The push gateway on Herald's HTTP port:
 * <pre>
 *   GET|POST /token                 a new UAToken (text)
 *   WS       /push                  Notification Server and Mozilla push protocols (subprotocol push-notification)
 *   POST     /notify/{appToken}     Notification Server application-server API
 *   POST     /wpush/{token}         RFC 8030 Web Push (the pushEndpoint given at register)
 *   GET      /messages/{id}         a message's state (the Location of a 201)
 * </pre>
 * Give {@link #routes()} and {@link #sockets()} to {@code HttpServer.start}; close after the HTTP server.
 */
public final class PushWiring implements AutoCloseable {
    public static final String SUBPROTOCOL = "push-notification";
    private static final int API_MAX_BODY = 64 * 1024;

    private final PushGateway gateway;
    private final PushConfig config;

    private PushWiring(PushGateway gateway, PushConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    public static PushWiring start(PushConfig config, DocumentDatabase db, InstantSource clock) {
        return start(config, db, clock, Waker.NONE);
    }

    /** @param waker hears of messages stored for devices that are not connected (the wake-up path) */
    public static PushWiring start(PushConfig config, DocumentDatabase db, InstantSource clock, Waker waker) {
        return new PushWiring(PushGateway.start(config, db, clock, waker), config);
    }

    public PushGateway gateway() {
        return gateway;
    }

    public List<HttpRoute> routes() {
        HttpHandler token = request -> http(gateway.newToken());
        return List.of(
                HttpRoute.exact("GET", "/token", token),
                HttpRoute.exact("POST", "/token", token),
                HttpRoute.prefix("/notify", API_MAX_BODY, request -> onePost(request, "/notify/",
                        id -> http(gateway.notify(id, request.body())))),
                HttpRoute.prefix("/wpush", API_MAX_BODY, request -> onePost(request, "/wpush/",
                        id -> http(gateway.webPush(id, request::header, request.body())))),
                HttpRoute.prefix("/messages", API_MAX_BODY, request -> {
                    if (!request.method().equals("GET")) return HttpResponse.text(405, "GET only").withHeader("Allow", "GET");
                    String id = lastSegment(request, "/messages/");
                    return id == null ? HttpResponse.json(404, "{\"status\":\"ERROR\",\"reason\":\"No such message\"}")
                            : http(gateway.status(id));
                }));
    }

    public List<WebSocketRoute> sockets() {
        // the socket's own limit is 4x the protocol's: a message somewhat too big gets a protocol error, a huge one 1009
        return List.of(new WebSocketRoute("/push", SUBPROTOCOL, 4 * config.maxFrame(), config.maxConnections(),
                config.idleTimeout(), PushWiring.this::open));
    }

    private WebSocketSession open(WebSocketPeer peer) {
        PushSocket socket = gateway.open(new PushConnection() {
            @Override
            public void send(String text) {
                peer.send(text);
            }

            @Override
            public void close() {
                peer.close();
            }

            @Override
            public String remoteAddress() {
                return peer.remoteAddress();
            }
        });
        return new WebSocketSession() {
            @Override
            public void onText(String text) {
                socket.onText(text);
            }

            @Override
            public void onClose() {
                socket.onClose();
            }
        };
    }

    private static HttpResponse onePost(HttpRequest request, String prefix, java.util.function.Function<String, HttpResponse> handle) {
        if (!request.method().equals("POST")) return HttpResponse.text(405, "POST only").withHeader("Allow", "POST");
        String id = lastSegment(request, prefix);
        if (id == null) return HttpResponse.json(404, "{\"status\":\"ERROR\",\"reason\":\"No valid AppToken\"}");
        return handle.apply(id);
    }

    /** The one path segment after the prefix, or null. */
    private static String lastSegment(HttpRequest request, String prefix) {
        String path = request.path();
        if (!path.startsWith(prefix)) return null;
        String id = path.substring(prefix.length());
        return id.isEmpty() || id.contains("/") || id.length() > 1024 ? null : id;
    }

    private static HttpResponse http(ApiReply reply) {
        HttpResponse r = HttpResponse.of(reply.status());
        for (var h : reply.headers().entrySet()) r = r.withHeader(h.getKey(), h.getValue());
        return reply.contentType() == null ? new HttpResponse(r.status(), r.headers(), reply.body())
                : r.withBody(reply.contentType(), reply.body());
    }

    @Override
    public void close() {
        gateway.close();
    }
}
