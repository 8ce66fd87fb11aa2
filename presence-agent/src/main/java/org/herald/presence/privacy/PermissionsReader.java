package org.herald.presence.privacy;

import static org.herald.presence.privacy.RulesCursor.fail;
import static org.herald.presence.privacy.RulesCursor.quote;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.herald.sip.event.InvalidBodyException;

/**
 * Reads a rule's {@code <cr:actions>} and {@code <cr:transformations>} (RFC 5025 §3.2, §3.3) into
 * its {@link Permissions}. Each permission may appear once per rule, {@code <provide-unknown-attribute>}
 * once per namespace and name; an element of the pres-rules namespace the RFC does not define, or a
 * value outside its enumeration, is an error. Elements of other namespaces (OMA's
 * {@code <provide-willingness>}, say) are ignored: a permission not understood is not granted.
 */
final class PermissionsReader {
    private static final String PR = Namespaces.PRES_RULES;

    private PermissionsReader() {}

    static Permissions actions(RulesCursor c, String where, Permissions p) throws XMLStreamException,
            InvalidBodyException {
        boolean seen = false;
        while (c.nextChild(where + " <actions>")) {
            if (!c.is(PR)) {
                rejectCommonPolicy(c, where);
                c.skip();
            } else if (c.localName().equals("sub-handling")) {
                if (seen) throw fail(where + ": <sub-handling> appears more than once");
                seen = true;
                String text = c.text();
                SubHandling h = SubHandling.parse(text);
                if (h == null) {
                    throw fail(where + ": <sub-handling> must be block, confirm, polite-block or allow, not "
                            + quote(text.strip()));
                }
                p = p.withSubHandling(h);
            } else {
                throw fail(where + ": unexpected element " + c.name() + " in <actions>");
            }
        }
        return p;
    }

    static Permissions transformations(RulesCursor c, String where, Permissions p) throws XMLStreamException,
            InvalidBodyException {
        Set<String> seen = new HashSet<>();
        Set<Attribute> attributes = EnumSet.noneOf(Attribute.class);
        Set<ElementName> unknown = new HashSet<>();
        while (c.nextChild(where + " <transformations>")) {
            if (!c.is(PR)) {
                rejectCommonPolicy(c, where);
                c.skip();
                continue;
            }
            String name = c.localName();
            if (!name.equals("provide-unknown-attribute") && !seen.add(name)) {
                throw fail(where + ": " + c.name() + " appears more than once");
            }
            Attribute attribute = Attribute.byPermission(name);
            if (attribute != null) {
                if (c.bool()) attributes.add(attribute);
                continue;
            }
            switch (name) {
                case "provide-persons" -> p = p.withPersons(selection(c, where, Component.Kind.PERSON));
                case "provide-devices" -> p = p.withDevices(selection(c, where, Component.Kind.DEVICE));
                case "provide-services" -> p = p.withServices(selection(c, where, Component.Kind.SERVICE));
                case "provide-user-input" -> {
                    String text = c.text();
                    UserInput level = UserInput.parse(text);
                    if (level == null) {
                        throw fail(where + ": <provide-user-input> must be false, bare, thresholds or full, not "
                                + quote(text.strip()));
                    }
                    p = p.withUserInput(level);
                }
                case "provide-unknown-attribute" -> {
                    String ns = c.attribute("ns");
                    String local = c.attribute("name");
                    if (ns == null || local == null) {
                        throw fail(where + ": <provide-unknown-attribute> needs both ns and name attributes");
                    }
                    ElementName element = new ElementName(ns.strip(), local.strip());
                    if (!seen.add("unknown " + element)) {
                        throw fail(where + ": <provide-unknown-attribute> for " + quote(element.toString())
                                + " appears more than once");
                    }
                    if (c.bool()) unknown.add(element);
                }
                case "provide-all-attributes" -> {
                    c.empty();
                    p = p.withAllAttributes(true);
                }
                default -> throw fail(where + ": unexpected element " + c.name() + " in <transformations>");
            }
        }
        return p.withAttributes(attributes).withUnknownAttributes(unknown);
    }

    /**
     * A {@code <provide-persons>}, {@code <provide-devices>} or {@code <provide-services>}: either its
     * one {@code <all-persons/>}, {@code <all-devices/>} or {@code <all-services/>} element, or any
     * number of the selectors that element allows.
     */
    private static Selection selection(RulesCursor c, String where, Component.Kind kind)
            throws XMLStreamException, InvalidBodyException {
        String element = c.name();
        String allName = switch (kind) {
            case PERSON -> "all-persons";
            case DEVICE -> "all-devices";
            case SERVICE -> "all-services";
        };
        boolean all = false;
        int selectors = 0;
        Set<String> occurrences = new HashSet<>();
        Set<String> classes = new HashSet<>();
        Set<String> deviceIds = new HashSet<>();
        Set<String> uris = new HashSet<>();
        Set<String> schemes = new HashSet<>();
        while (c.nextChild(where + " " + element)) {
            if (!c.is(PR)) {
                rejectCommonPolicy(c, where);
                c.skip(); // an unknown selector selects nothing
                selectors++;
                continue;
            }
            String name = c.localName();
            if (name.equals(allName)) {
                all = true;
                c.empty();
            } else if (name.equals("occurrence-id")) {
                occurrences.add(token(c, where));
            } else if (name.equals("class")) {
                classes.add(token(c, where));
            } else if (name.equals("deviceID") && kind == Component.Kind.DEVICE) {
                deviceIds.add(UriEquivalence.deviceId(token(c, where)));
            } else if (name.equals("service-uri") && kind == Component.Kind.SERVICE) {
                uris.add(UriEquivalence.service(token(c, where)));
            } else if (name.equals("service-uri-scheme") && kind == Component.Kind.SERVICE) {
                String scheme = token(c, where);
                schemes.add(scheme.toLowerCase(Locale.ROOT));
            } else {
                throw fail(where + ": unexpected element " + c.name() + " in " + element);
            }
            selectors++;
        }
        if (all && selectors > 1) throw fail(where + ": <" + allName + "/> must be alone in " + element);
        if (all) return Selection.ALL;
        return new Selection(false, occurrences, classes, deviceIds, uris, schemes);
    }

    /** An xs:token or xs:anyURI value: whitespace collapsed, and not empty. */
    private static String token(RulesCursor c, String where) throws XMLStreamException, InvalidBodyException {
        String element = c.name();
        String t = c.text().strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) throw fail(where + ": " + element + " is empty");
        return t;
    }

    private static void rejectCommonPolicy(RulesCursor c, String where) throws InvalidBodyException {
        if (c.is(Namespaces.COMMON_POLICY)) throw fail(where + ": unexpected element " + c.name());
    }
}
