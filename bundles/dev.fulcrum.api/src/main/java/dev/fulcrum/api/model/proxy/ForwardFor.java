package dev.fulcrum.api.model.proxy;

import dev.fulcrum.api.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * configuration.txt 4.2 "option forwardfor [ except &lt;network&gt; ] [ header &lt;name&gt; ] [ if-none ]"
 * (http mode only).
 *
 * @param except a source network (address or address/mask) for which no header is added
 * @param header the header name, {@value #DEFAULT_HEADER} by default
 * @param ifNone only add the header when the request has none
 */
public record ForwardFor(Optional<String> except, String header, boolean ifNone) {

    public static final String DEFAULT_HEADER = "X-Forwarded-For";

    public ForwardFor {
        Objects.requireNonNull(except, "except");
        Checks.name("forwardfor header", header);
    }
}
