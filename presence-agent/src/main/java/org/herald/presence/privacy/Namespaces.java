package org.herald.presence.privacy;

/** The namespace URIs privacy rules and the presence documents they filter use. */
final class Namespaces {
    private Namespaces() {}

    static final String COMMON_POLICY = "urn:ietf:params:xml:ns:common-policy";
    static final String PRES_RULES = "urn:ietf:params:xml:ns:pres-rules";
    /** OMA XDM's common-policy extensions: anonymous-request, other-identity, external-list. */
    static final String OMA_COMMON_POLICY = "urn:oma:xml:xdm:common-policy";
    static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";
    static final String RPID = "urn:ietf:params:xml:ns:pidf:rpid";
}
