package org.herald.push.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.herald.push.api.Json;
import org.herald.push.model.Protocol;
import org.herald.storage.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket on {@code /push}: the first message decides the dialect ({@code hello} is the Mozilla
 * protocol, anything else the Notification Server protocol), then every frame goes to that session.
 * The shell calls {@link #onText} one frame at a time and {@link #onClose} once.
 */
public final class PushSocket {
    private static final Logger log = LoggerFactory.getLogger(PushSocket.class);

    private final PushContext ctx;
    private final PushConnection connection;
    private DeviceSession session;

    public PushSocket(PushContext ctx, PushConnection connection) {
        this.ctx = ctx;
        this.connection = connection;
    }

    public void onText(String text) {
        int max = ctx.config().maxFrame();
        if (text.length() > max || (text.length() > max / 3 && text.getBytes(StandardCharsets.UTF_8).length > max)) {
            if (session instanceof MozillaSession) connection.close();
            else connection.send(Json.write(NsSession.errorJson(NsError.TOO_BIG, "error")));
            return;
        }
        Optional<ObjectNode> message = Json.object(text);
        if (message.isEmpty()) {
            if (session instanceof MozillaSession) connection.close();
            else connection.send(Json.write(NsSession.errorJson(NsError.NOT_JSON, "error")));
            return;
        }
        if (session == null) {
            if (message.get().isEmpty()) { // a ping before anything else
                connection.send("{}");
                return;
            }
            session = "hello".equals(Json.text(message.get(), "messageType"))
                    ? new MozillaSession(ctx, connection) : new NsSession(ctx, connection);
        }
        try {
            session.handle(message.get());
        } catch (StoreException e) {
            log.warn("push store failed for {}: {}", connection.remoteAddress(), e.getMessage());
            String type = Optional.ofNullable(Json.text(message.get(), "messageType")).orElse("error");
            if (session instanceof NsSession ns) ns.error(NsError.TRY_LATER, type);
            else connection.close();
        }
    }

    public void onClose() {
        if (session != null) session.closed();
    }

    /** The dialect chosen so far, if any. */
    public Optional<Protocol> protocol() {
        return session == null ? Optional.empty()
                : Optional.of(session instanceof MozillaSession ? Protocol.MOZILLA : Protocol.NOTIFICATION_SERVER);
    }

    /** Messages sent on this connection and not yet acked. */
    public int outstanding() {
        return session == null ? 0 : session.outstanding();
    }
}
