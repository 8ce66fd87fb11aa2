package org.herald.presence.winfo;

import java.nio.charset.StandardCharsets;
import org.herald.presence.xml.XmlText;

/**
 * Serializes a {@link WatcherInfo} as UTF-8, watcher-info the default namespace, one element per
 * line and no indentation (NOTIFYs often go over UDP), attributes in the order of RFC 3858 §3.
 */
public final class WatcherInfoWriter {
    private WatcherInfoWriter() {}

    public static byte[] write(WatcherInfo info) {
        return toXml(info).getBytes(StandardCharsets.UTF_8);
    }

    public static String toXml(WatcherInfo info) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<watcherinfo xmlns=\"").append(WatcherInfo.NAMESPACE)
                .append("\" version=\"").append(info.version()).append("\" state=\"")
                .append(info.full() ? "full" : "partial").append("\">\n");
        for (WatcherList list : info.lists()) {
            attribute(out.append("<watcher-list"), "resource", list.resource());
            attribute(out, "package", list.packageName());
            if (list.watchers().isEmpty()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            for (Watcher w : list.watchers()) watcher(out, w);
            out.append("</watcher-list>\n");
        }
        return out.append("</watcherinfo>\n").toString();
    }

    private static void watcher(StringBuilder out, Watcher w) {
        attribute(out.append("<watcher"), "id", w.id());
        attribute(out, "status", w.status().token());
        attribute(out, "event", w.event().token());
        if (w.displayName() != null) attribute(out, "display-name", w.displayName());
        if (w.durationSubscribed() != null) attribute(out, "duration-subscribed", w.durationSubscribed().toString());
        if (w.expiration() != null) attribute(out, "expiration", w.expiration().toString());
        XmlText.text(out.append('>'), w.uri()).append("</watcher>\n");
    }

    private static void attribute(StringBuilder out, String name, String value) {
        XmlText.attribute(out.append(' ').append(name).append("=\""), value).append('"');
    }
}
