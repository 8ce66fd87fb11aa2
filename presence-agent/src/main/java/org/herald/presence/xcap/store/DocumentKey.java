package org.herald.presence.xcap.store;

/**
 * Which XCAP document: application usage, owner and name (RFC 4825 §6.2). A user's documents have
 * the user's XUI; global documents have an empty one.
 *
 * @param auid the application usage, e.g. {@code pres-rules}
 * @param xui  the owner's XCAP User Identifier ({@code sip:alice@example.com}), empty in the global tree
 * @param name the path below the user's home directory or the global tree, e.g. {@code index}
 */
public record DocumentKey(String auid, String xui, String name) {

    public DocumentKey {
        if (auid == null || auid.isEmpty() || auid.contains("/")) throw new IllegalArgumentException("bad AUID " + auid);
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a document needs a name");
        xui = xui == null ? "" : xui;
    }

    public static DocumentKey user(String auid, String xui, String name) {
        if (xui == null || xui.isEmpty()) throw new IllegalArgumentException("a user's document needs an XUI");
        return new DocumentKey(auid, xui, name);
    }

    public static DocumentKey global(String auid, String name) {
        return new DocumentKey(auid, "", name);
    }

    public boolean isGlobal() {
        return xui.isEmpty();
    }

    @Override
    public String toString() {
        return auid + (isGlobal() ? "/global/" : "/users/" + xui + "/") + name;
    }
}
