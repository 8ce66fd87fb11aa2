package org.herald.presence.compose;

import org.herald.presence.pidf.PresenceDocument;
import org.herald.sip.publish.Publication;

/**
 * One live publication's document as it holds now, ready to compose.
 *
 * @param publication where it came from
 * @param document    its fresh document (see {@link Freshness})
 * @param order       its place among the presentity's contributions, oldest 0: larger is newer
 */
record Contribution(Publication publication, PresenceDocument document, int order) {}
