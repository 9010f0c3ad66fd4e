package dev.fulcrum.proxy.pool;

import java.util.Optional;

/** The backends of the revision running now, looked up per connection or request. */
@FunctionalInterface
public interface BackendDirectory {

    Optional<BackendPool> backend(String name);
}
