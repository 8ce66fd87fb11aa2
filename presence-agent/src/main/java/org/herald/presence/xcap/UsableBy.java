package org.herald.presence.xcap;

import java.util.Optional;
import org.herald.presence.pidf.PidfParser;
import org.herald.presence.privacy.PresRulesParser;
import org.herald.sip.event.InvalidBodyException;
import org.w3c.dom.Document;

/**
 * The constraint that a document is one Herald can use, not only one the schema allows: pres-rules
 * must read as rules ({@link PresRulesParser}: e.g. validity times need a time zone) and permanent
 * state as presence ({@link PidfParser}). Otherwise a PUT would be stored and then silently ignored;
 * a 409 {@code constraint-failure} (RFC 4825 §11) tells the client instead.
 */
final class UsableBy {
    private UsableBy() {}

    @FunctionalInterface
    private interface Parser {
        void parse(byte[] document) throws InvalidBodyException;
    }

    static DocumentConstraint presRules() {
        PresRulesParser parser = new PresRulesParser();
        return usable("privacy rules", parser::parse);
    }

    static DocumentConstraint pidf() {
        PidfParser parser = new PidfParser();
        return usable("presence document", parser::parse);
    }

    private static DocumentConstraint usable(String what, Parser parser) {
        return (Document document, DocumentConstraint.Context context) -> {
            try {
                parser.parse(DomWriter.document(document));
                return Optional.empty();
            } catch (InvalidBodyException e) {
                return Optional.of(XcapConflict.of(XcapConflict.Condition.CONSTRAINT_FAILURE,
                        "not usable as " + what + ": " + e.getMessage()));
            }
        };
    }
}
