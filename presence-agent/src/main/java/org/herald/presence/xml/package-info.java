/**
 * Untrusted XML, safely: {@link org.herald.presence.xml.SafeXml} is the only parser entry point;
 * {@link org.herald.presence.xml.XmlFragment}s keep elements Herald does not model intact.
 */
package org.herald.presence.xml;
