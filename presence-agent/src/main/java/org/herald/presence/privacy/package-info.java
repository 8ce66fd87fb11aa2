/**
 * Presence authorization (RFC 4745 common policy, RFC 5025 pres-rules) as a pure core: no I/O, time
 * injected.
 *
 * <ol>
 *   <li>{@link org.herald.presence.privacy.PresRulesParser} reads a presentity's rules into a
 *       {@link org.herald.presence.privacy.RuleSet};
 *   <li>{@link org.herald.presence.privacy.Authorizer} decides, per watcher, the combined
 *       {@link org.herald.presence.privacy.Permissions} of the matching rules (or the
 *       {@link org.herald.presence.privacy.PrivacyDefaults});
 *   <li>{@link org.herald.presence.privacy.PresenceFilter} applies them to the composed document —
 *       what to keep of persons, devices and services and of the elements in them; polite-block gives
 *       {@link org.herald.presence.privacy.PoliteBlock}'s neutral document;
 *   <li>{@link org.herald.presence.privacy.TransformedViews} caches one body per distinct outcome.
 * </ol>
 */
package org.herald.presence.privacy;
