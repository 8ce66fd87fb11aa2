package org.herald.presence.compose;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a presentity's publications become one document: chosen per presentity ({@link PolicyStore}),
 * with a server default, and turned into a {@link Composer} by {@link Composers}. docs/composition.md
 * has a worked example of each.
 *
 * <p>Written as text ({@link #text()}, {@link #parse}) for configuration: {@code union},
 * {@code overriding}, {@code merge:contact}, {@code merge:device-id}, {@code timestamp},
 * {@code source-priority:NAME,NAME,...}, {@code device-activity}.
 */
public sealed interface CompositionPolicy {

    /** The policy's name, the text up to any colon. */
    String token();

    /** The policy as {@link #parse} reads it. */
    default String text() {
        return token();
    }

    /**
     * Every publication's tuples, persons and devices side by side, the newest publication winning
     * where two carry the same id for the same kind of element. Ambiguity is left to the watcher, as
     * RFC 4479 §3.5 recommends. The default.
     */
    record Union() implements CompositionPolicy {
        @Override
        public String token() {
            return "union";
        }
    }

    /**
     * The newest publication replaces older ones wherever they describe the same thing: an occurrence
     * id, whatever kind of element carries it (RFC 4479 §3.5 makes ids unique across services, devices
     * and persons), and the person, of whom the watcher sees one.
     */
    record Overriding() implements CompositionPolicy {
        @Override
        public String token() {
            return "overriding";
        }
    }

    /**
     * Occurrences of the same thing are merged into one, child element by child element, the newest
     * value of each winning: tuples sharing the pivot (or an id), devices sharing a device ID (or an id),
     * and all persons.
     */
    record Merge(Pivot pivot) implements CompositionPolicy {
        public Merge {
            Objects.requireNonNull(pivot, "pivot");
        }

        @Override
        public String token() {
            return "merge";
        }

        @Override
        public String text() {
            return "merge:" + pivot.token();
        }
    }

    /** What makes two tuples the same service under {@link Merge}. */
    enum Pivot {
        /** The same {@code <contact>} URI. */
        CONTACT,
        /** A {@code <dm:deviceID>} in common. */
        DEVICE_ID;

        public String token() {
            return this == CONTACT ? "contact" : "device-id";
        }

        /** Reads {@link #token()}; throws IllegalArgumentException for anything else. */
        public static Pivot parse(String token) {
            for (Pivot p : values()) {
                if (p.token().equals(token)) return p;
            }
            throw new IllegalArgumentException("merge pivot must be contact or device-id, not " + token);
        }
    }

    /**
     * Like {@link Overriding}, but the element with the latest {@code <timestamp>} wins, not the newest
     * publication; an element without one counts as changed when its publication was.
     */
    record ByTimestamp() implements CompositionPolicy {
        @Override
        public String token() {
            return "timestamp";
        }
    }

    /**
     * Like {@link Overriding}, but the publication from the highest-ranked source wins, the newest among
     * equals. A ranking entry matches a publication's source names (see {@link PublicationSource})
     * exactly, or as a prefix when it ends in {@code *}; unmatched sources rank last.
     *
     * @param ranking highest priority first
     */
    record BySourcePriority(List<String> ranking) implements CompositionPolicy {
        public BySourcePriority {
            ranking = List.copyOf(ranking);
        }

        @Override
        public String token() {
            return "source-priority";
        }

        @Override
        public String text() {
            return "source-priority:" + String.join(",", ranking);
        }
    }

    /**
     * Like {@link Overriding}, but the publication whose device a person used last wins: RFC 4480
     * {@code <user-input>} active counts as the moment of publishing, idle as its {@code last-input};
     * publications saying neither rank last, the newest among equals.
     */
    record ByDeviceActivity() implements CompositionPolicy {
        @Override
        public String token() {
            return "device-activity";
        }
    }

    CompositionPolicy UNION = new Union();

    /** Reads {@link #text()}; throws IllegalArgumentException naming what is wrong. */
    static CompositionPolicy parse(String text) {
        String s = text.strip();
        int colon = s.indexOf(':');
        String token = colon < 0 ? s : s.substring(0, colon);
        String argument = colon < 0 ? null : s.substring(colon + 1).strip();
        CompositionPolicy policy = switch (token) {
            case "union" -> UNION;
            case "overriding" -> new Overriding();
            case "timestamp" -> new ByTimestamp();
            case "device-activity" -> new ByDeviceActivity();
            case "merge" -> new Merge(argument == null ? Pivot.CONTACT : Pivot.parse(argument));
            case "source-priority" -> new BySourcePriority(argument == null ? List.of()
                    : Arrays.stream(argument.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList());
            default -> fail("unknown composition policy " + token);
        };
        if (argument != null && !(policy instanceof Merge) && !(policy instanceof BySourcePriority)) {
            fail(token + " takes no argument");
        }
        return policy;
    }

    private static <T> T fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
