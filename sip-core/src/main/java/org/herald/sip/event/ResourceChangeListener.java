package org.herald.sip.event;

import org.herald.sip.message.Aor;

/** Told when a resource's state changed, so its subscribers get a NOTIFY. */
@FunctionalInterface
public interface ResourceChangeListener {
    void changed(EventPackage eventPackage, Aor resource);
}
