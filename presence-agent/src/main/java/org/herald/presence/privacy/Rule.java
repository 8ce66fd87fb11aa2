package org.herald.presence.privacy;

import java.util.Objects;

/**
 * One {@code <rule>} of a pres-rules document: when it applies, and what it grants.
 *
 * @param id          its {@code id}, unique in the rule set
 * @param conditions  when it applies
 * @param permissions its actions and transformations; what it leaves out has the lowest value
 *                    (block, nothing provided)
 */
public record Rule(String id, Conditions conditions, Permissions permissions) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(permissions, "permissions");
    }
}
