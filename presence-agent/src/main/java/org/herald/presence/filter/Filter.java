package org.herald.presence.filter;

import java.util.List;

/**
 * One {@code <filter>} of a filter set (RFC 4661 §3.3): what a NOTIFY carries ({@code <what>}) and
 * when one is sent ({@code <trigger>}s, any of which fires it; none means any change).
 *
 * @param id       the filter's id
 * @param uri      the resource it applies to, or null for the subscribed resource
 * @param includes selections of what to send; empty means the whole document
 * @param excludes selections taken out of that
 * @param triggers each a list of conditions that must all hold
 */
public record Filter(String id, String uri, List<Selection> includes, List<Selection> excludes, List<List<Condition>> triggers) {
    public Filter {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        triggers = triggers.stream().map(List::copyOf).toList();
    }
}
