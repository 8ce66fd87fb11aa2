package org.herald.sip.event;

/** A resource's composed state, as an event package keeps it between NOTIFYs. */
public interface ResourceView {}
