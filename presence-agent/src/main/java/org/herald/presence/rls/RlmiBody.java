package org.herald.presence.rls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.herald.sip.event.EntityTags;
import org.herald.sip.event.NotifyBody;
import org.herald.sip.message.Aor;

/**
 * A resource list NOTIFY body (RFC 4662 §5): {@code multipart/related} whose root is the RLMI document
 * ({@code application/rlmi+xml}) listing every member with its subscription state, followed by one
 * {@code application/pidf+xml} part per member whose presence the watcher may see, in full state
 * ({@code fullState="true"}, every member) or partial state (only the members that changed). The
 * version is the NOTIFY's CSeq, so it grows by one per NOTIFY. The entity tag is that of the full
 * state without the version, so an unchanged list makes no NOTIFY.
 */
public final class RlmiBody {
    public static final String RLMI_TYPE = "application/rlmi+xml";
    private static final String NS = "urn:ietf:params:xml:ns:rlmi";

    private RlmiBody() {}

    /** One member as this watcher may see it. */
    public sealed interface Member {
        Aor uri();

        record Active(Aor uri, byte[] pidf) implements Member {}

        record Pending(Aor uri) implements Member {}

        record Rejected(Aor uri) implements Member {}
    }

    /** A full-state body. */
    public static NotifyBody of(Aor list, long version, List<Member> members) {
        return of(list, version, members, members, true);
    }

    /**
     * A body listing {@code shown} ({@code fullState} false: only the members that changed) whose
     * entity tag is that of the full state {@code all}.
     */
    public static NotifyBody of(Aor list, long version, List<Member> shown, List<Member> all, boolean fullState) {
        NotifyBody body = write(list, version, shown, fullState);
        return fullState && shown.equals(all) ? body
                : new NotifyBody(body.contentType(), body.content(), write(list, 0, all, true).entityTag());
    }

    /** What a member shows, to tell whether it changed: its state and, when active, its document's tag. */
    public static String stateKey(Member m) {
        return m instanceof Member.Active a ? "active " + EntityTags.of("application/pidf+xml", a.pidf())
                : m.getClass().getSimpleName();
    }

    private static NotifyBody write(Aor list, long version, List<Member> members, boolean fullState) {
        String boundary = "herald-rlmi-" + instance(list);
        String start = "rlmi-" + instance(list) + "@herald";
        StringBuilder rlmi = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<list xmlns=\"").append(NS)
                .append("\" uri=\"").append(escape(list.uri())).append("\" version=\"").append(version).append("\" fullState=\"").append(fullState).append("\">");
        StringBuilder stateKey = new StringBuilder(list.uri());
        for (Member m : members) {
            String id = instance(m.uri());
            rlmi.append("<resource uri=\"").append(escape(m.uri().uri())).append("\"><instance id=\"").append(id).append('"');
            switch (m) {
                case Member.Active a -> rlmi.append(" state=\"active\" cid=\"").append(id).append("@herald\"/>");
                case Member.Pending p -> rlmi.append(" state=\"pending\"/>");
                case Member.Rejected r -> rlmi.append(" state=\"terminated\" reason=\"rejected\"/>");
            }
            rlmi.append("</resource>");
        }
        rlmi.append("</list>\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, boundary, RLMI_TYPE, start, rlmi.toString().getBytes(StandardCharsets.UTF_8));
        for (Member m : members) {
            stateKey.append('\n').append(m.getClass().getSimpleName()).append(' ').append(m.uri().uri());
            if (m instanceof Member.Active a) {
                part(out, boundary, "application/pidf+xml", instance(a.uri()) + "@herald", a.pidf());
                stateKey.append(' ').append(EntityTags.of("application/pidf+xml", a.pidf()));
            }
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        String type = "multipart/related;type=\"" + RLMI_TYPE + "\";start=\"<" + start + ">\";boundary=\"" + boundary + "\"";
        return new NotifyBody(type, out.toByteArray(),
                EntityTags.of(RLMI_TYPE, stateKey.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void part(ByteArrayOutputStream out, String boundary, String type, String cid, byte[] body) {
        String head = "--" + boundary + "\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <" + cid + ">\r\nContent-Type: "
                + type + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** A stable short id for a resource: the same in every NOTIFY and after a restart. */
    static String instance(Aor uri) {
        byte[] tag = EntityTags.of("id", uri.uri().getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        return HexFormat.of().formatHex(tag, 0, 8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
