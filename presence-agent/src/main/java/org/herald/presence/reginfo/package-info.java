/**
 * The {@code reg} event package (RFC 3680): an address-of-record's registrations and their contacts
 * as reginfo documents, for the AOR's own user agents and trusted application servers.
 */
package org.herald.presence.reginfo;
