package org.herald.presence.xcap;

import java.util.ArrayList;
import java.util.List;

/**
 * Entity tags (RFC 9110 §8.8.3) and the If-Match / If-None-Match preconditions (§13.1.1, §13.1.2)
 * against the current tag of a document, or none when it does not exist.
 */
final class EntityTags {
    private EntityTags() {}

    /** The outcome of evaluating the preconditions. */
    enum Verdict { PROCEED, NOT_MODIFIED, FAILED }

    static String quote(String etag) {
        return "\"" + etag + "\"";
    }

    /**
     * If-Match first: it fails unless the document exists and (for a list) has one of the tags.
     * Then If-None-Match: a match gives 304 for GET, 412 otherwise.
     */
    static Verdict evaluate(List<String> ifMatch, List<String> ifNoneMatch, String current, boolean safeMethod) {
        if (!ifMatch.isEmpty()) {
            List<String> tags = parse(ifMatch);
            boolean any = tags.contains("*");
            if (current == null || !(any || tags.contains(current))) return Verdict.FAILED;
        }
        if (!ifNoneMatch.isEmpty()) {
            List<String> tags = parse(ifNoneMatch);
            if (current != null && (tags.contains("*") || tags.contains(current))) {
                return safeMethod ? Verdict.NOT_MODIFIED : Verdict.FAILED;
            }
        }
        return Verdict.PROCEED;
    }

    /** The opaque tags of comma-separated header values, quotes and any {@code W/} removed; {@code *} kept. */
    static List<String> parse(List<String> values) {
        List<String> tags = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String t = part.trim();
                if (t.startsWith("W/")) t = t.substring(2).trim();
                if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
                if (!t.isEmpty()) tags.add(t);
            }
        }
        return tags;
    }
}
