package org.herald.presence.filter;

/**
 * A filter document Herald refuses (RFC 4660 §4.3). {@link Kind#MALFORMED} is answered 400 (not XML,
 * not a filter-set), {@link Kind#UNSUPPORTED} 488 (a valid filter the notifier cannot honour: another
 * package, a selection language other than XPath, an expression that does not compile or uses a
 * function that reaches outside the document, a passed limit).
 */
public final class FilterException extends Exception {
    public enum Kind { MALFORMED, UNSUPPORTED }

    private final Kind kind;

    public FilterException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
