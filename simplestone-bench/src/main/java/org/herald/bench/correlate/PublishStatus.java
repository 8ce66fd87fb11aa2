package org.herald.bench.correlate;

/** How one PUBLISH ended. STALE_ETAG is a 412 to a PUBLISH sent before the previous one was answered. */
public enum PublishStatus { PENDING, ACCEPTED, STALE_ETAG, REJECTED, TIMED_OUT }
