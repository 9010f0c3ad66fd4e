package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.Objects;

/** configuration.txt 4.2 "use_backend &lt;backend&gt; [{if | unless} &lt;condition&gt;]". */
public record BackendRule(String backend, Condition condition) {

    public BackendRule {
        Checks.proxyName("backend name", backend);
        Objects.requireNonNull(condition, "condition");
    }
}
