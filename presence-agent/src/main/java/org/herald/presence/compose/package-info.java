/**
 * Composition policies: how a presentity's live publications become one document. {@link
 * org.herald.presence.compose.CompositionPolicy} names them, {@link org.herald.presence.compose.Composers}
 * picks one per presentity from a {@link org.herald.presence.compose.PolicyStore}, and
 * {@link org.herald.presence.compose.Freshness} drops stale data before any of them runs.
 */
package org.herald.presence.compose;
