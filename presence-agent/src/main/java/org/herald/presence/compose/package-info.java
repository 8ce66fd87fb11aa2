/** Composition policies: how a presentity's live publications become one document. */
package org.herald.presence.compose;
