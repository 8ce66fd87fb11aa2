/** Full and partial state for versioned NOTIFY bodies: what each subscriber has not been told yet. */
package org.herald.presence.delta;
