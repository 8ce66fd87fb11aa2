package org.herald.sip.event;

import java.util.List;

/**
 * The notifier's side of a subscription dialog (RFC 3261 §12): everything needed to send the next
 * NOTIFY, kept in the store so subscriptions outlive a restart.
 *
 * @param localUri     the To URI of the SUBSCRIBE, our From in NOTIFYs
 * @param remoteUri    the From URI of the SUBSCRIBE, our To in NOTIFYs
 * @param remoteTarget the subscriber's Contact URI, refreshed by each SUBSCRIBE that carries one
 * @param routeSet     the Record-Route values of the SUBSCRIBE, in order (UAS side)
 * @param localCseq    CSeq of the last NOTIFY sent
 * @param remoteCseq   CSeq of the last SUBSCRIBE accepted
 * @param localContact our Contact URI, sent in every NOTIFY
 */
public record Dialog(
        String callId,
        String localTag,
        String remoteTag,
        String localUri,
        String remoteUri,
        String remoteTarget,
        List<String> routeSet,
        long localCseq,
        long remoteCseq,
        String localContact) {

    public Dialog {
        routeSet = List.copyOf(routeSet);
    }

    public Dialog withLocalCseq(long cseq) {
        return new Dialog(callId, localTag, remoteTag, localUri, remoteUri, remoteTarget, routeSet, cseq, remoteCseq, localContact);
    }

    public Dialog refreshedBy(long cseq, String target) {
        return new Dialog(callId, localTag, remoteTag, localUri, remoteUri, target == null ? remoteTarget : target,
                routeSet, localCseq, cseq, localContact);
    }
}
