package org.herald.presence.xml;

/**
 * How much XML one untrusted document may make us hold. Every PUBLISH body is parsed, so these bound
 * the memory and time a hostile client can spend per request; the defaults fit any real presence
 * document (a busy RPID one is a few KiB and a few dozen elements).
 *
 * @param maxBytes      size of the encoded document, checked before parsing (default 64 KiB)
 * @param maxDepth      element nesting, the root being depth 1 (default 32)
 * @param maxElements   elements in the whole document (default 2000)
 * @param maxAttributes attributes, and separately namespace declarations, on one element (default 64)
 * @param maxText       characters in one text node, CDATA included (default 16 KiB)
 */
public record XmlLimits(int maxBytes, int maxDepth, int maxElements, int maxAttributes, int maxText) {

    public static final XmlLimits DEFAULT = new XmlLimits(64 * 1024, 32, 2000, 64, 16 * 1024);

    public XmlLimits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxElements <= 0 || maxAttributes < 0 || maxText < 0) {
            throw new IllegalArgumentException("XML limits must be positive");
        }
    }

    /** The defaults with another document size, e.g. the package's configured maximum body size. */
    public static XmlLimits ofMaxBytes(int maxBytes) {
        return DEFAULT.withMaxBytes(maxBytes);
    }

    public XmlLimits withMaxBytes(int bytes) {
        return new XmlLimits(bytes, maxDepth, maxElements, maxAttributes, maxText);
    }

    public XmlLimits withMaxDepth(int depth) {
        return new XmlLimits(maxBytes, depth, maxElements, maxAttributes, maxText);
    }

    public XmlLimits withMaxElements(int elements) {
        return new XmlLimits(maxBytes, maxDepth, elements, maxAttributes, maxText);
    }
}
