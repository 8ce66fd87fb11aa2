package org.herald.sip.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The event packages Herald serves, by Event header token. */
public final class EventPackages {
    private final Map<String, EventPackage> byName = new LinkedHashMap<>();

    public EventPackages(List<EventPackage> packages) {
        packages.forEach(p -> byName.put(p.name(), p));
    }

    public Optional<EventPackage> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<EventPackage> all() {
        return List.copyOf(byName.values());
    }

    /** The Allow-Events header value. */
    public String allowEvents() {
        return String.join(", ", byName.keySet());
    }
}
