package org.herald.sip.event;

/** A parsed PUBLISH body, as an event package understands it. */
public interface EventState {}
