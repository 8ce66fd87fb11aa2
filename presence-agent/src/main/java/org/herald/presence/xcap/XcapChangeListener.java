package org.herald.presence.xcap;

/**
 * Told after a user's document of a usage that affects presence (pres-rules, resource-lists,
 * rls-services, pidf-manipulation) was created, changed or deleted, once the change is stored.
 * Called on the request's thread before the response is sent; it must not block for long. What it
 * throws is logged and does not change the response.
 */
@FunctionalInterface
public interface XcapChangeListener {

    XcapChangeListener NONE = (auid, xui, documentName) -> { };

    /**
     * @param auid         e.g. {@code pres-rules}
     * @param xui          the owner, canonical ({@code sip:alice@example.com})
     * @param documentName e.g. {@code index}
     */
    void changed(String auid, String xui, String documentName);
}
