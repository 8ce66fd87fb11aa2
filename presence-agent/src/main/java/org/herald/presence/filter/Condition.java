package org.herald.presence.filter;

/**
 * One condition of an RFC 4661 {@code <trigger>}; all conditions of a trigger must hold for it to fire.
 */
public sealed interface Condition {
    Selection selection();

    /**
     * A selected node present before and after whose value changed: from {@code from} (if given) to
     * {@code to} (if given), by at least {@code by} (if given; both values numeric).
     */
    record Changed(Selection selection, String from, String to, Double by) implements Condition {}

    /** A selected node that was not there before. */
    record Added(Selection selection) implements Condition {}

    /** A node selected before that is gone. */
    record Removed(Selection selection) implements Condition {}
}
