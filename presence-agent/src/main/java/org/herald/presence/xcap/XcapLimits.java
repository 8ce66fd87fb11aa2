package org.herald.presence.xcap;

import org.herald.presence.xml.XmlLimits;

/**
 * How big an XCAP document may be. The body of a PUT and every document a PUT or DELETE produces
 * are held to {@code maxDocumentSize} bytes (default 1 MiB, {@code presence.xcap.max-document-size}); the XML
 * limits allow a buddy list of several thousand entries.
 */
public record XcapLimits(int maxDocumentSize, XmlLimits xml) {

    public static final XcapLimits DEFAULT = of(1024 * 1024);

    public XcapLimits {
        if (maxDocumentSize <= 0) throw new IllegalArgumentException("presence.xcap.max-document-size must be positive");
        xml = xml.withMaxBytes(maxDocumentSize);
    }

    public static XcapLimits of(int maxDocumentSize) {
        return new XcapLimits(maxDocumentSize, new XmlLimits(maxDocumentSize, 64, 50_000, 64, 64 * 1024));
    }
}
