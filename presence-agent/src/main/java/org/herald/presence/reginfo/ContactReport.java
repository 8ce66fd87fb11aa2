package org.herald.presence.reginfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.herald.sip.message.Aor;
import org.herald.sip.registrar.Binding;

/**
 * A contact as last reported: its binding, its state and the event that led there, kept until it is
 * written, so that times are computed when the document is.
 *
 * @param firstRegistered when the binding was first added (refreshes keep it)
 * @param at              when this state began
 */
record ContactReport(Binding binding, ContactState state, ContactEvent event, Instant firstRegistered, Instant at) {

    ContactElement element(Aor aor, Instant now) {
        boolean active = state == ContactState.ACTIVE;
        Instant end = active ? now : at.isBefore(binding.expiresAt()) ? at : binding.expiresAt();
        ContactValue header = ContactValue.parse(binding.contact());
        return new ContactElement(idOf(aor, binding), state, event,
                Math.max(0, Duration.between(firstRegistered, end).toSeconds()),
                active ? binding.secondsLeft(now) : null, null, Float.toString(binding.q()), binding.callId(),
                binding.cseq(), binding.uri(), header.displayName(), header.params());
    }

    /** A contact's id: a digest of its AOR and binding key (instance and reg-id, else the URI), stable across restarts. */
    static String idOf(Aor aor, Binding b) {
        return digest(aor + "\n" + (b.instanceId() != null ? "i:" + b.instanceId() + ";" + b.regId() : "u:" + b.uri()));
    }

    /** A registration's id: a digest of its AOR. */
    static String idOf(Aor aor) {
        return digest(aor.toString());
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
