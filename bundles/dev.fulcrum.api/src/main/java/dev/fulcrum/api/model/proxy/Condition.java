package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.List;

/**
 * configuration.txt 7.2 "Using ACLs to form conditions", restricted to one AND-group:
 * {@code if|unless acl1 !acl2 ...}.
 *
 * @param unless   the rule applies when the AND-group is false
 * @param aclNames the ACLs that must all match, each optionally prefixed with {@code !} (negation)
 */
public record Condition(boolean unless, List<String> aclNames) {

    public Condition {
        aclNames = List.copyOf(aclNames);
        if (aclNames.isEmpty()) {
            throw new IllegalArgumentException("a condition needs at least one ACL");
        }
        aclNames.forEach(n -> Checks.proxyName("ACL name", n.startsWith("!") ? n.substring(1) : n));
    }

    /** The referenced ACL names without negation. */
    public List<String> referencedAcls() {
        return aclNames.stream().map(n -> n.startsWith("!") ? n.substring(1) : n).toList();
    }
}
