package org.herald.push.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import org.herald.push.model.PushMessage;
import org.herald.push.session.PushContext;

/**
 * {@code GET /messages/{id}}: where an accepted message is. One delivery per device; the message's state
 * is the least advanced of them (accepted until every device got it, acked when all acked).
 */
public final class StatusApi {
    private final PushContext ctx;

    public StatusApi(PushContext ctx) {
        this.ctx = ctx;
    }

    public ApiReply get(String id) {
        if (id.isEmpty() || id.length() > 64) return notFound();
        List<PushMessage> copies = ctx.messages().inGroup(id);
        if (copies.isEmpty()) return notFound();
        PushMessage least = copies.stream().min(Comparator.comparing(PushMessage::state)).orElseThrow();
        ObjectNode reply = Json.node().put("messageId", id).put("state", least.state().wire())
                .put("expiresAt", least.expiresAt().toString());
        ArrayNode deliveries = reply.putArray("deliveries");
        copies.forEach(m -> deliveries.addObject().put("state", m.state().wire()).put("updatedAt", m.updatedAt().toString()));
        return ApiReply.json(200, reply);
    }

    private static ApiReply notFound() {
        return ApiReply.json(404, Json.node().put("status", "ERROR").put("reason", "No such message"));
    }
}
