package org.herald.presence.privacy;

import static org.herald.presence.privacy.RulesCursor.fail;
import static org.herald.presence.privacy.RulesCursor.quote;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.herald.presence.xml.SafeXml;
import org.herald.presence.xml.XmlLimits;
import org.herald.sip.event.InvalidBodyException;

/**
 * Parses a presence authorization document (RFC 5025 on RFC 4745's common policy,
 * {@code application/auth-policy+xml}) in one StAX pass through {@link SafeXml}: DTDs refused, sizes
 * bounded. Used both to validate an XCAP PUT and to load stored rules, so it checks what the schemas
 * say and fails with a one-line {@link InvalidBodyException}:
 * <ul>
 *   <li>the root is {@code {common-policy}ruleset}, holding only {@code <rule>}s, each with an
 *       {@code id} unique in the document and at most one conditions, actions and transformations,
 *       in that order;
 *   <li>{@code <identity>} has at least one child; {@code <one>} has an {@code id}; {@code <sphere>} a
 *       {@code value}; {@code <validity>} alternates {@code <from>} and {@code <until>}, each an
 *       xs:dateTime with a zone (RFC 4745 erratum 1455);
 *   <li>actions and transformations as {@link PermissionsReader} describes.
 * </ul>
 * Elements of other namespaces are extensions: an unknown condition makes its rule never apply, an
 * unknown identity child never matches, unknown actions and transformations grant nothing (RFC 4745
 * §7.1.1 and §10). Of OMA's condition extensions, {@code <anonymous-request/>} and
 * {@code <other-identity/>} are understood; {@code <external-list>} is not (it needs a resource-list
 * lookup) and counts as unknown.
 */
public final class PresRulesParser {
    /** Larger than the PIDF limits: a buddy list of a few thousand {@code <one>}s is one document. */
    public static final XmlLimits DEFAULT_LIMITS = new XmlLimits(256 * 1024, 32, 20_000, 64, 16 * 1024);

    private static final String CP = Namespaces.COMMON_POLICY;
    private static final String OMA = Namespaces.OMA_COMMON_POLICY;

    private final XmlLimits limits;

    public PresRulesParser(XmlLimits limits) {
        this.limits = limits;
    }

    public PresRulesParser() {
        this(DEFAULT_LIMITS);
    }

    public RuleSet parse(byte[] document) throws InvalidBodyException {
        XMLStreamReader r = null;
        try {
            r = SafeXml.open(document, limits);
            RulesCursor c = new RulesCursor(r);
            RuleSet rules = ruleset(c);
            while (r.hasNext()) r.next(); // the epilogue must be well-formed too
            return rules;
        } catch (XMLStreamException e) {
            throw new InvalidBodyException(SafeXml.describe(e), e);
        } finally {
            close(r);
        }
    }

    private RuleSet ruleset(RulesCursor c) throws XMLStreamException, InvalidBodyException {
        XMLStreamReader r = c.reader();
        int event = r.next();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) throw fail("the document has no root element");
            event = r.next();
        }
        if (!c.is(CP) || !c.localName().equals("ruleset")) {
            throw fail("the root element must be {" + CP + "}ruleset, not " + c.name());
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (c.nextChild("<ruleset>")) {
            if (!c.is(CP) || !c.localName().equals("rule")) {
                throw fail("unexpected element " + c.name() + " in <ruleset>");
            }
            Rule rule = rule(c);
            if (!ids.add(rule.id())) throw fail("duplicate rule id " + quote(rule.id()));
            rules.add(rule);
        }
        return new RuleSet(rules);
    }

    private Rule rule(RulesCursor c) throws XMLStreamException, InvalidBodyException {
        String id = c.attribute("id");
        if (id == null || id.isBlank()) throw fail("a <rule> lacks the required id attribute");
        id = id.strip();
        String where = "rule " + quote(id);
        Conditions conditions = Conditions.ANY;
        Permissions permissions = Permissions.NONE;
        int stage = 0; // 1 conditions, 2 actions, 3 transformations seen
        while (c.nextChild(where)) {
            if (!c.is(CP)) throw fail(where + ": unexpected element " + c.name());
            int next = switch (c.localName()) {
                case "conditions" -> 1;
                case "actions" -> 2;
                case "transformations" -> 3;
                default -> throw fail(where + ": unexpected element " + c.name());
            };
            if (next <= stage) throw fail(where + ": " + c.name() + " repeated or out of order");
            stage = next;
            switch (next) {
                case 1 -> conditions = conditions(c, where);
                case 2 -> permissions = PermissionsReader.actions(c, where, permissions);
                default -> permissions = PermissionsReader.transformations(c, where, permissions);
            }
        }
        return new Rule(id, conditions, permissions);
    }

    private Conditions conditions(RulesCursor c, String where) throws XMLStreamException, InvalidBodyException {
        List<Identity> identities = new ArrayList<>();
        List<Set<String>> spheres = new ArrayList<>();
        List<Validity> validities = new ArrayList<>();
        boolean anonymousOnly = false;
        boolean otherIdentity = false;
        boolean unsupported = false;
        while (c.nextChild(where + " <conditions>")) {
            if (c.is(CP)) {
                switch (c.localName()) {
                    case "identity" -> identities.add(identity(c, where));
                    case "sphere" -> {
                        String value = c.attribute("value");
                        if (value == null) throw fail(where + ": <sphere> lacks the required value attribute");
                        spheres.add(Conditions.sphereTokens(value));
                        c.empty();
                    }
                    case "validity" -> validities.add(validity(c, where));
                    default -> throw fail(where + ": unexpected element " + c.name() + " in <conditions>");
                }
            } else if (c.is(OMA) && c.localName().equals("anonymous-request")) {
                anonymousOnly = true;
                c.skip();
            } else if (c.is(OMA) && c.localName().equals("other-identity")) {
                otherIdentity = true;
                c.skip();
            } else {
                unsupported = true;
                c.skip();
            }
        }
        return new Conditions(identities, spheres, validities, anonymousOnly, otherIdentity, unsupported);
    }

    private Identity identity(RulesCursor c, String where) throws XMLStreamException, InvalidBodyException {
        List<Identity.Match> matches = new ArrayList<>();
        boolean any = false;
        while (c.nextChild(where + " <identity>")) {
            any = true;
            if (!c.is(CP)) {
                c.skip(); // an unknown identity extension is false
                continue;
            }
            switch (c.localName()) {
                case "one" -> {
                    String id = c.attribute("id");
                    if (id == null || id.isBlank()) throw fail(where + ": <one> lacks the required id attribute");
                    matches.add(new Identity.One(id.strip()));
                    extensionsOnly(c, where + " <one>");
                }
                case "many" -> matches.add(many(c, where));
                default -> throw fail(where + ": unexpected element " + c.name() + " in <identity>");
            }
        }
        if (!any) throw fail(where + ": <identity> must contain <one> or <many>");
        return new Identity(matches);
    }

    private Identity.Many many(RulesCursor c, String where) throws XMLStreamException, InvalidBodyException {
        String domain = strippedOrNull(c.attribute("domain"));
        List<Identity.Except> excepts = new ArrayList<>();
        while (c.nextChild(where + " <many>")) {
            if (!c.is(CP)) {
                c.skip();
            } else if (c.localName().equals("except")) {
                excepts.add(new Identity.Except(strippedOrNull(c.attribute("id")),
                        strippedOrNull(c.attribute("domain"))));
                c.empty();
            } else {
                throw fail(where + ": unexpected element " + c.name() + " in <many>");
            }
        }
        return new Identity.Many(domain, excepts);
    }

    private Validity validity(RulesCursor c, String where) throws XMLStreamException, InvalidBodyException {
        List<Validity.Interval> intervals = new ArrayList<>();
        Instant from = null;
        while (c.nextChild(where + " <validity>")) {
            String name = c.is(CP) ? c.localName() : "";
            if (name.equals("from") && from == null) {
                from = dateTime(c.text(), where);
            } else if (name.equals("until") && from != null) {
                intervals.add(new Validity.Interval(from, dateTime(c.text(), where)));
                from = null;
            } else {
                throw fail(where + ": <validity> must hold <from> and <until> pairs, found " + c.name());
            }
        }
        if (from != null || intervals.isEmpty()) throw fail(where + ": <validity> must hold <from> and <until> pairs");
        return new Validity(intervals);
    }

    private static Instant dateTime(String text, String where) throws InvalidBodyException {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw fail(where + ": " + quote(t) + " is not an xs:dateTime with a time zone");
        }
    }

    /** Content of elements whose schema allows only foreign-namespace extensions. */
    private static void extensionsOnly(RulesCursor c, String where) throws XMLStreamException, InvalidBodyException {
        while (c.nextChild(where)) {
            if (c.is(CP)) throw fail(where + ": unexpected element " + c.name());
            c.skip();
        }
    }

    private static String strippedOrNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void close(XMLStreamReader r) {
        if (r == null) return;
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing held but memory
        }
    }
}
