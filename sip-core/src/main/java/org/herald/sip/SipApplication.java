package org.herald.sip;

import org.herald.sip.message.Flow;
import org.herald.sip.message.SipRequest;

/** What the stack calls: the SIP logic of Herald, free of any stack types. */
public interface SipApplication {

    /** Decides what to do with a request outside any transaction Herald already holds. May block. */
    Handling handle(SipRequest request);

    /** A connection (TCP, TLS, WebSocket) closed. */
    default void flowClosed(Flow flow) {}
}
