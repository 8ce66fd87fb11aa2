package org.herald.presence.privacy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.herald.presence.pidf.PidfParser;
import org.herald.presence.pidf.PresenceDocument;

/** Test resources and inline documents. */
final class Vectors {
    private Vectors() {}

    static byte[] bytes(String resource) throws Exception {
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) throw new AssertionError("missing test resource " + resource);
            return in.readAllBytes();
        }
    }

    static PresenceDocument pidf(String resource) throws Exception {
        return new PidfParser().parse(bytes(resource));
    }

    static PresenceDocument pidfText(String xml) throws Exception {
        return new PidfParser().parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static RuleSet rules(String xml) throws Exception {
        return new PresRulesParser().parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A ruleset document around the given rules, with cr: and pr: bound. */
    static RuleSet ruleset(String rules) throws Exception {
        return rules("""
                <?xml version="1.0" encoding="UTF-8"?>
                <cr:ruleset xmlns:cr="urn:ietf:params:xml:ns:common-policy"
                    xmlns:pr="urn:ietf:params:xml:ns:pres-rules"
                    xmlns:ocp="urn:oma:xml:xdm:common-policy">
                """ + rules + "</cr:ruleset>\n");
    }
}
