package dev.fulcrum.api.config;

import dev.fulcrum.api.model.DesiredState;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The desired state as JSON (docs/json-model.md), for front ends such as the REST API that must not
 * depend on how the configuration bundle maps it. Thread-safe.
 */
@ProviderType
public interface ModelCodec {

    /** Deterministic, pretty JSON ending with a newline: the same state always gives the same text. */
    String toJson(DesiredState state);

    /**
     * Reads and validates a desired state; unknown fields are errors.
     *
     * @param sourceName what problems are located in, e.g. "request body"
     * @throws ConfigException with every problem found, each naming its JSON path
     */
    DesiredState fromJson(String json, String sourceName) throws ConfigException;
}
