package org.herald.presence.compose;

import java.util.ArrayList;
import java.util.List;
import org.herald.presence.pidf.Device;
import org.herald.presence.pidf.PresenceDocument;
import org.herald.presence.pidf.Tuple;
import org.herald.sip.publish.Publication;

/**
 * Names for the source of a publication, which {@link CompositionPolicy.BySourcePriority} ranks. The
 * publication framework does not record who published (a {@code Publication} has no publisher), so the
 * default reads the names from the document itself: its tuples' contact URIs and the device IDs of its
 * tuples and devices. Once publications carry their publisher (e.g. the Contact's
 * {@code +sip.instance} or the User-Agent), a source adds it.
 */
@FunctionalInterface
public interface PublicationSource {

    /** The names a ranking entry may match, most specific first. */
    List<String> names(Publication publication, PresenceDocument document);

    /** Contact URIs and device IDs found in the document. */
    PublicationSource DOCUMENT = (publication, document) -> {
        List<String> names = new ArrayList<>();
        for (Tuple t : document.tuples()) {
            if (t.contact() != null) names.add(t.contact().uri());
            names.addAll(t.deviceIds());
        }
        for (Device d : document.devices()) names.add(d.deviceId());
        return names;
    };
}
