package org.herald.presence.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.herald.sip.event.InvalidBodyException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 4745 and RFC 5025 rule documents under {@code vectors/rfc4745} and {@code vectors/rfc5025}
 * ({@code *.auth-policy}, so that the PIDF vector test leaves them alone): each parses, or, named
 * {@code *.invalid.auth-policy}, is refused.
 */
class PresRulesVectorsTest {
    private final PresRulesParser parser = new PresRulesParser();

    static Stream<Named<Path>> vectors() throws Exception {
        Path root = Path.of(PresRulesVectorsTest.class.getResource("/vectors").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<Named<Path>> found = files.filter(p -> p.toString().endsWith(".auth-policy")).sorted()
                    .map(p -> Named.of(root.relativize(p).toString(), p)).toList();
            assertFalse(found.isEmpty(), "no rule vectors found");
            return found.stream();
        }
    }

    static RuleSet load(String name) throws Exception {
        return new PresRulesParser().parse(Vectors.bytes("/vectors/" + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void parsesOrIsRefused(Path file) throws Exception {
        byte[] source = Files.readAllBytes(file);
        if (file.getFileName().toString().endsWith(".invalid.auth-policy")) {
            assertThrows(InvalidBodyException.class, () -> parser.parse(source));
        } else {
            assertFalse(parser.parse(source).rules().isEmpty());
        }
    }

    @Test
    void rfc5025ExampleGrantsWhatSection7Says() throws Exception {
        Rule rule = load("rfc5025/example.auth-policy").rules().getFirst();
        assertEquals("a", rule.id());
        assertEquals(List.of(new Identity(List.of(new Identity.One("sip:user@example.com")))),
                rule.conditions().identities());
        Permissions expected = Permissions.of(SubHandling.ALLOW)
                .withServices(new Selection(false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of("sip", "mailto")))
                .withPersons(Selection.ALL)
                .withAttributes(Set.of(Attribute.ACTIVITIES))
                .withUserInput(UserInput.BARE)
                .withUnknownAttributes(Set.of(new ElementName("urn:vendor-specific:foo-namespace", "foo")));
        assertEquals(expected, rule.permissions());
        assertEquals(Selection.NONE, rule.permissions().devices(), "no provide-devices: no device is shown");
    }

    @Test
    void rfc4745ManyExceptExample() throws Exception {
        RuleSet rules = load("rfc4745/identity-many-except.auth-policy");
        Identity first = rules.rules().get(0).conditions().identities().getFirst();
        assertEquals(List.of(new Identity.One("sip:alice@example.com"),
                new Identity.Many("example.net", List.of(new Identity.Except("sip:bob@example.net", null)))),
                first.matches());
        Identity.Many many = (Identity.Many) rules.rules().get(1).conditions().identities().getFirst().matches()
                .getFirst();
        assertEquals(null, many.domain());
        assertEquals(6, many.excepts().size());
        assertEquals(1, rules.rules().get(1).conditions().validities().size());
    }

    @Test
    void rfc4745RulesWithoutActionsGrantNothing() throws Exception {
        for (Rule rule : load("rfc4745/full-example.auth-policy").rules()) {
            assertEquals(Permissions.NONE, rule.permissions());
        }
    }

    @Test
    void rfc4745SphereValueIsATokenList() throws Exception {
        RuleSet rules = load("rfc4745/sphere.auth-policy");
        assertEquals(List.of(Set.of("work", "home")), rules.rules().get(2).conditions().spheres());
    }
}
