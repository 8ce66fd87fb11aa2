/**
 * The XCAP server (RFC 4825) as a pure core: {@link org.herald.presence.xcap.XcapService} answers
 * {@link org.herald.presence.xcap.XcapRequest}s with {@link org.herald.presence.xcap.XcapResponse}s
 * over an {@link org.herald.presence.xcap.store.XcapDocumentStore}; the HTTP port, digest
 * authentication and Netty live in the server module's {@code http} package. Node selectors
 * ({@link org.herald.presence.xcap.NodeSelector}) are evaluated on trees built by
 * {@link org.herald.presence.xml.SafeDom}; application usages
 * ({@link org.herald.presence.xcap.ApplicationUsages}) bring their schemas (bundled under
 * {@code resources/xcap/}, never fetched) and constraints.
 */
package org.herald.presence.xcap;
