/** Presence derived from registrations, for presentities that publish nothing. */
package org.herald.presence.registration;
