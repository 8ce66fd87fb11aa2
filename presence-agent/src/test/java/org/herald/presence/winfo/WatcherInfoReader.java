package org.herald.presence.winfo;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.presence.xml.SafeXml;
import org.herald.presence.xml.XmlLimits;

/** Reads watcher-info documents back into the model, for tests: Herald itself only writes them. */
final class WatcherInfoReader {
    private WatcherInfoReader() {}

    static WatcherInfo read(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = SafeXml.open(xml, XmlLimits.ofMaxBytes(1 << 20));
        expect(r, r.nextTag(), "watcherinfo");
        long version = Long.parseLong(r.getAttributeValue(null, "version"));
        boolean full = state(r.getAttributeValue(null, "state"));
        List<WatcherList> lists = new ArrayList<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            expect(r, XMLStreamConstants.START_ELEMENT, "watcher-list");
            String resource = r.getAttributeValue(null, "resource");
            String pkg = r.getAttributeValue(null, "package");
            List<Watcher> watchers = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                expect(r, XMLStreamConstants.START_ELEMENT, "watcher");
                String id = r.getAttributeValue(null, "id");
                WatcherStatus status = WatcherStatus.parse(r.getAttributeValue(null, "status"));
                WatcherEvent event = WatcherEvent.parse(r.getAttributeValue(null, "event"));
                String displayName = r.getAttributeValue(null, "display-name");
                Long duration = number(r.getAttributeValue(null, "duration-subscribed"));
                Long expiration = number(r.getAttributeValue(null, "expiration"));
                watchers.add(new Watcher(id, r.getElementText().trim(), displayName, status, event, duration, expiration));
            }
            lists.add(new WatcherList(resource, pkg, watchers));
        }
        return new WatcherInfo(version, full, lists);
    }

    private static boolean state(String value) {
        if (!"full".equals(value) && !"partial".equals(value)) throw new IllegalArgumentException("state " + value);
        return "full".equals(value);
    }

    private static Long number(String value) {
        return value == null ? null : Long.valueOf(value.trim());
    }

    private static void expect(XMLStreamReader r, int event, String name) {
        if (event != XMLStreamConstants.START_ELEMENT || !name.equals(r.getLocalName())
                || !WatcherInfo.NAMESPACE.equals(r.getNamespaceURI())) {
            throw new IllegalArgumentException("expected <" + name + "> in " + WatcherInfo.NAMESPACE);
        }
    }
}
