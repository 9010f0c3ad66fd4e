package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * configuration.txt 7.1 "acl &lt;aclname&gt; &lt;criterion&gt; [flags] [operator] &lt;value&gt; ...". Several
 * {@code acl} lines with the same name are ORed (7.1: "declaring the same ACL name multiple
 * times ... a logical OR"); the model keeps one entry per line, in file order.
 *
 * @param ignoreCase the {@code -i} flag
 * @param values     at least one; the ACL matches when any value matches
 */
public record Acl(String name, Criterion criterion, boolean ignoreCase, List<String> values) {

    public Acl {
        Checks.proxyName("ACL name", name);
        Objects.requireNonNull(criterion, "criterion");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("ACL '" + name + "' needs at least one value");
        }
    }
}
