/**
 * The {@code presence.winfo} event package: watcher-info (RFC 3857) in RFC 3858 documents, so a
 * presentity learns who watches it and decides on pending watchers.
 */
package org.herald.presence.winfo;
