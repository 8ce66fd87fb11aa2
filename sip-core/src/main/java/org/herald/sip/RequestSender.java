package org.herald.sip;

import java.util.concurrent.CompletionStage;
import org.herald.sip.message.OutgoingRequest;
import org.herald.sip.message.RequestOutcome;

/** Sends requests Herald originates (NOTIFY) through a client transaction. */
public interface RequestSender {

    /** Sends the request; the stage completes with the final response, a timeout or a send failure. */
    CompletionStage<RequestOutcome> send(OutgoingRequest request);
}
