/**
 * The RFC 3856 {@code presence} event package: {@link org.herald.presence.PresencePackage} plugs
 * into sip-core's event and publication frameworks; {@code pidf} is the document model,
 * {@code compose} the policies that merge publications, {@code xml} the one safe XML entry point.
 */
package org.herald.presence;
