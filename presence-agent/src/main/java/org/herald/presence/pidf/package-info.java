/** The PIDF model (RFC 3863) as immutable records, with its StAX parser and its writer. */
package org.herald.presence.pidf;
