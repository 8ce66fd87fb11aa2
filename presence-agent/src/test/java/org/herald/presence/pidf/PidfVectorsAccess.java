package org.herald.presence.pidf;

import java.util.List;
import org.herald.presence.xml.XmlFragment;

/** Lets tests of other packages collect a document's fragments as the vector tests do. */
public final class PidfVectorsAccess {
    private PidfVectorsAccess() {}

    /** Every PIDF vector file (the other RFCs' vectors live beside them). */
    public static List<java.nio.file.Path> vectors() throws Exception {
        return PidfVectorsTest.vectors().map(org.junit.jupiter.api.Named::getPayload).toList();
    }

    public static List<XmlFragment> fragments(PresenceDocument document) {
        return PidfVectorsTest.fragments(document);
    }
}
