/**
 * Where XCAP documents are kept: the {@link org.herald.presence.xcap.store.XcapDocumentStore}
 * aggregate and its MongoDB implementation in {@code mongo}.
 */
package org.herald.presence.xcap.store;
