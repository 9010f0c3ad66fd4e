package dev.fulcrum.api.model.proxy;

import java.util.Objects;

/** configuration.txt 4.2 "use_backend &lt;backend&gt; [{if | unless} &lt;condition&gt;]". */
public record BackendRule(String backend, Condition condition) {

    public BackendRule {
        Names.requireName(backend, "backend name");
        Objects.requireNonNull(condition, "condition");
    }
}
