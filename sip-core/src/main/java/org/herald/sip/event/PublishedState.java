package org.herald.sip.event;

import org.herald.sip.publish.Publication;

/** A live publication with its parsed body. */
public record PublishedState(Publication publication, EventState state) {}
