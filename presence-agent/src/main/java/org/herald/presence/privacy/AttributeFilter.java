package org.herald.presence.privacy;

import java.util.Map;

/**
 * Which elements inside a shown person, device or service a watcher may see (RFC 5025 §3.3.2),
 * decided by the element's name alone so that it serves any document model. The table:
 * <ul>
 *   <li>RPID {@code activities, class, mood, place-is, place-type, privacy, relationship,
 *       status-icon, sphere, time-offset}: their {@code provide-*} permission;
 *   <li>RPID {@code user-input}: {@link Permissions#userInput()}, trimmed of attributes below
 *       {@code full};
 *   <li>{@code note} (PIDF, data model or RPID namespace): {@code provide-note};
 *   <li>data-model {@code deviceID}: in a device it is the device's identity and always kept; in a
 *       service it says where the service runs, and needs {@code provide-deviceID};
 *   <li>data-model {@code timestamp}: always kept, like PIDF's basic, contact and timestamp: RFC 5025
 *       has no permission for them, and a shown component without them is not a valid one;
 *   <li>anything else — CIPID, capabilities, location, vendor elements, RPID's
 *       {@code service-class}, and every extension inside {@code <status>} — is an unknown attribute,
 *       kept only under {@code provide-unknown-attribute} for its namespace and name or
 *       {@code provide-all-attributes}.
 * </ul>
 * What is nested inside a kept element (an RPID {@code <note>} inside {@code <activities>}, say) is
 * kept with it: it describes the attribute the presentity chose to show.
 */
final class AttributeFilter {
    /** What happens to one element. */
    enum Verdict {
        KEEP,
        DROP,
        /** Keep a {@code <user-input>} without the attributes the watcher's level hides. */
        TRIM_USER_INPUT
    }

    private static final Map<String, Attribute> RPID = Map.of(
            "activities", Attribute.ACTIVITIES, "class", Attribute.CLASS, "mood", Attribute.MOOD,
            "place-is", Attribute.PLACE_IS, "place-type", Attribute.PLACE_TYPE, "privacy", Attribute.PRIVACY,
            "relationship", Attribute.RELATIONSHIP, "status-icon", Attribute.STATUS_ICON,
            "sphere", Attribute.SPHERE, "time-offset", Attribute.TIME_OFFSET);

    private final Permissions permissions;

    AttributeFilter(Permissions permissions) {
        this.permissions = permissions;
    }

    Permissions permissions() {
        return permissions;
    }

    /**
     * @param namespace the element's namespace
     * @param localName its local name
     * @param in        the component it is in; null for a direct child of {@code <presence>}
     */
    Verdict verdict(String namespace, String localName, Component.Kind in) {
        if (localName.equals("note") && (namespace.equals(Namespaces.PIDF) || namespace.equals(Namespaces.DATA_MODEL)
                || namespace.equals(Namespaces.RPID))) {
            return keepIf(permissions.allows(Attribute.NOTE));
        }
        if (namespace.equals(Namespaces.DATA_MODEL)) {
            switch (localName) {
                case "timestamp" -> {
                    return Verdict.KEEP;
                }
                case "deviceID" -> {
                    return in == Component.Kind.DEVICE ? Verdict.KEEP : keepIf(permissions.allows(Attribute.DEVICE_ID));
                }
                default -> { }
            }
        }
        if (namespace.equals(Namespaces.RPID)) {
            if (localName.equals("user-input")) {
                return switch (permissions.userInput()) {
                    case FALSE -> Verdict.DROP;
                    case FULL -> Verdict.KEEP;
                    case BARE, THRESHOLDS -> Verdict.TRIM_USER_INPUT;
                };
            }
            Attribute attribute = RPID.get(localName);
            if (attribute != null) return keepIf(permissions.allows(attribute));
        }
        return keepIf(permissions.allowsUnknown(namespace, localName));
    }

    /** The {@code <user-input>} attributes the watcher's level hides (RFC 5025 §3.3.2). */
    boolean hidesUserInputAttribute(String localName) {
        return switch (permissions.userInput()) {
            case BARE -> localName.equals("idle-threshold") || localName.equals("last-input");
            case THRESHOLDS -> localName.equals("last-input");
            case FALSE, FULL -> false;
        };
    }

    private static Verdict keepIf(boolean allowed) {
        return allowed ? Verdict.KEEP : Verdict.DROP;
    }
}
