package org.herald.presence.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.herald.presence.pidf.Note;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Status;
import org.herald.presence.pidf.Tuple;
import org.herald.presence.privacy.FragmentTree.Element;
import org.herald.presence.privacy.FragmentTree.Node;
import org.herald.presence.privacy.FragmentTree.Text;
import org.herald.presence.xml.XmlFragment;

/**
 * {@link PresenceElements} over today's PIDF model, where tuples are typed and RFC 4479 persons and
 * devices are document-level {@link XmlFragment}s. Each person and device is opened once, when the
 * view is made; an element that filtering leaves whole is written back as the very fragment it was.
 */
final class FragmentElements implements PresenceElements {
    private final PresenceDocument document;
    private final List<Component> services = new ArrayList<>();
    /** Per document extension: its component and tree if it is a person or device, else null. */
    private final List<Component> extensionComponents = new ArrayList<>();
    private final List<Element> extensionTrees = new ArrayList<>();

    FragmentElements(PresenceDocument document) {
        this.document = document;
        for (Tuple t : document.tuples()) {
            services.add(new Component(Component.Kind.SERVICE, t.id(), classes(t.extensions()), List.of(),
                    t.contact() == null ? null : t.contact().uri()));
        }
        for (XmlFragment f : document.extensions()) {
            Component.Kind kind = kind(f);
            if (kind == null) {
                extensionComponents.add(null);
                extensionTrees.add(null);
                continue;
            }
            Element tree = FragmentTree.parse(f);
            List<String> classes = new ArrayList<>();
            List<String> deviceIds = new ArrayList<>();
            for (Element child : tree.elements()) {
                if (child.is(Namespaces.RPID, "class")) classes.add(child.text().strip());
                if (kind == Component.Kind.DEVICE && child.is(Namespaces.DATA_MODEL, "deviceID")) {
                    deviceIds.add(child.text().strip());
                }
            }
            extensionComponents.add(new Component(kind, f.id(), classes, deviceIds, null));
            extensionTrees.add(tree);
        }
    }

    @Override
    public List<Component> components() {
        List<Component> all = new ArrayList<>(services);
        for (Component c : extensionComponents) if (c != null) all.add(c);
        return all;
    }

    @Override
    public Optional<String> sphere(Instant now) {
        String found = null;
        for (int i = 0; i < extensionTrees.size(); i++) {
            Component c = extensionComponents.get(i);
            if (c == null || c.kind() != Component.Kind.PERSON) continue;
            for (Element child : extensionTrees.get(i).elements()) {
                if (!child.is(Namespaces.RPID, "sphere") || !current(child, now)) continue;
                List<Element> value = child.elements();
                String sphere = value.isEmpty() ? child.text().strip() : value.get(0).localName();
                if (sphere.isEmpty()) continue;
                if (found != null && !found.equalsIgnoreCase(sphere)) return Optional.empty();
                found = sphere;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public PresenceDocument rebuild(Predicate<Component> keep, AttributeFilter filter) {
        List<Tuple> tuples = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            if (keep.test(services.get(i))) tuples.add(tuple(document.tuples().get(i), filter));
        }
        List<XmlFragment> extensions = new ArrayList<>();
        for (int i = 0; i < document.extensions().size(); i++) {
            XmlFragment f = document.extensions().get(i);
            Component c = extensionComponents.get(i);
            if (c == null) {
                XmlFragment kept = fragment(f, filter, null);
                if (kept != null) extensions.add(kept);
            } else if (keep.test(c)) {
                extensions.add(component(f, extensionTrees.get(i), c.kind(), filter));
            }
        }
        return new PresenceDocument(document.entity(), tuples, notes(document.notes(), filter), extensions);
    }

    private static Tuple tuple(Tuple t, AttributeFilter filter) {
        Status status = new Status(t.status().basic(), fragments(t.status().extensions(), filter));
        return new Tuple(t.id(), status, t.contact(), notes(t.notes(), filter), t.timestamp(),
                fragments(t.extensions(), filter));
    }

    private static List<Note> notes(List<Note> notes, AttributeFilter filter) {
        return filter.verdict(Namespaces.PIDF, "note", null) == AttributeFilter.Verdict.KEEP ? notes : List.of();
    }

    private static List<XmlFragment> fragments(List<XmlFragment> in, AttributeFilter filter) {
        List<XmlFragment> out = new ArrayList<>(in.size());
        for (XmlFragment f : in) {
            XmlFragment kept = fragment(f, filter, Component.Kind.SERVICE);
            if (kept != null) out.add(kept);
        }
        return out;
    }

    /** One attribute element of a component (or of the document): kept, trimmed, or null for dropped. */
    private static XmlFragment fragment(XmlFragment f, AttributeFilter filter, Component.Kind in) {
        return switch (filter.verdict(f.namespace(), f.localName(), in)) {
            case KEEP -> f;
            case DROP -> null;
            case TRIM_USER_INPUT -> trimmed(FragmentTree.parse(f), filter).fragment();
        };
    }

    /** A shown person or device, with the children the watcher may see. */
    private static XmlFragment component(XmlFragment f, Element tree, Component.Kind kind, AttributeFilter filter) {
        List<Node> children = new ArrayList<>();
        boolean changed = false;
        for (Node n : tree.children()) {
            if (!(n instanceof Element child)) {
                children.add(n);
                continue;
            }
            switch (filter.verdict(child.namespace(), child.localName(), kind)) {
                case KEEP -> children.add(child);
                case DROP -> changed = true;
                case TRIM_USER_INPUT -> {
                    Element trimmed = trimmed(child, filter);
                    changed |= !trimmed.equals(child);
                    children.add(trimmed);
                }
            }
        }
        if (!changed) return f;
        children.removeIf(n -> n instanceof Text t && t.text().isBlank());
        return tree.withChildren(children).fragment();
    }

    private static Element trimmed(Element userInput, AttributeFilter filter) {
        return userInput.withoutAttributes(
                a -> a.namespace().isEmpty() && filter.hidesUserInputAttribute(a.localName()));
    }

    private static Component.Kind kind(XmlFragment f) {
        if (f.is(Namespaces.DATA_MODEL, "person")) return Component.Kind.PERSON;
        if (f.is(Namespaces.DATA_MODEL, "device")) return Component.Kind.DEVICE;
        return null;
    }

    private static List<String> classes(List<XmlFragment> extensions) {
        List<String> classes = new ArrayList<>();
        for (XmlFragment f : extensions) {
            if (f.is(Namespaces.RPID, "class")) classes.add(FragmentTree.parse(f).text().strip());
        }
        return classes;
    }

    /** An RPID element's {@code from}/{@code until} (RFC 4480 §3.2): unparseable bounds are ignored. */
    private static boolean current(Element e, Instant now) {
        Instant from = instant(e.attribute("from"));
        Instant until = instant(e.attribute("until"));
        return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }

    private static Instant instant(String text) {
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
