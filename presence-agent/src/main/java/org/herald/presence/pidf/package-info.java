/**
 * The presence document model as immutable records, with its StAX parser and its writer: PIDF
 * (RFC 3863), the data model's persons and devices (RFC 4479), RPID (RFC 4480), CIPID (RFC 4482) and
 * timed status (RFC 4481). What none of them types is kept as verbatim fragments.
 */
package org.herald.presence.pidf;
