package org.herald.presence.winfo;

import java.util.Optional;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import org.herald.presence.xml.SafeDom;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.SubscriptionState;
import org.herald.sip.message.Aor;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * "Whom the presentity authorizes" to see its watcher-info: the entries of the list named
 * {@value #LIST_NAME} in its own resource-lists document (RFC 4826, written over XCAP), e.g. an
 * assistant or an application server. RFC 3857 leaves the policy to the server; a list the presentity
 * already manages is the least surprising place for it. Read on every SUBSCRIBE to watcher-info (those
 * are rare), so an edit applies to the next one; live subscriptions are re-decided by whoever is told
 * of the edit.
 */
public final class DelegatesList implements WatcherInfoAccess {
    public static final String LIST_NAME = "winfo-delegates";
    private static final String NS = "urn:ietf:params:xml:ns:resource-lists";

    private final Function<Aor, Optional<byte[]>> resourceLists;
    private final XmlLimits limits;

    /** @param resourceLists the presentity's resource-lists document, if it has one */
    public DelegatesList(Function<Aor, Optional<byte[]>> resourceLists, XmlLimits limits) {
        this.resourceLists = resourceLists;
        this.limits = limits;
    }

    @Override
    public SubscriptionState authorize(Aor subscriber, Aor presentity) {
        return listed(subscriber, presentity) ? SubscriptionState.ACTIVE : SubscriptionState.TERMINATED;
    }

    private boolean listed(Aor subscriber, Aor presentity) {
        Optional<byte[]> document = resourceLists.apply(presentity);
        if (document.isEmpty()) return false;
        try {
            NodeList lists = SafeDom.parse(document.get(), limits).getElementsByTagNameNS(NS, "list");
            for (int i = 0; i < lists.getLength(); i++) {
                Element list = (Element) lists.item(i);
                if (!LIST_NAME.equals(list.getAttribute("name"))) continue;
                for (var child = list.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element entry && NS.equals(entry.getNamespaceURI())
                            && "entry".equals(entry.getLocalName()) && names(entry.getAttribute("uri"), subscriber)) {
                        return true;
                    }
                }
            }
        } catch (XMLStreamException e) {
            return false; // XCAP validated it when written; what no longer parses authorizes nobody
        }
        return false;
    }

    private static boolean names(String uri, Aor subscriber) {
        try {
            return Aor.parse(uri.strip()).equals(subscriber);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
