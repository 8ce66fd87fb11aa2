package org.herald.presence.filter;

import java.util.List;

/** A parsed and compiled {@code application/simple-filter+xml} document (RFC 4661): its enabled filters. */
public record FilterSet(List<Filter> filters) {
    public static final String CONTENT_TYPE = "application/simple-filter+xml";
    public static final String NS = "urn:ietf:params:xml:ns:simple-filter";

    public FilterSet {
        filters = List.copyOf(filters);
    }

    /** The filters that apply to a resource: those without a uri and those naming it. */
    public List<Filter> forResource(java.util.function.Predicate<String> isResource) {
        return filters.stream().filter(f -> f.uri() == null || isResource.test(f.uri())).toList();
    }
}
