package dev.fulcrum.config.confdir;

import java.util.Optional;

/**
 * The configuration directory as the rest of this bundle sees it (an internal service: the package
 * is not exported): the config subsystem reports its last outcome, {@code fulcrum:apply} re-reads it.
 */
public interface ConfDirectory {

    /** Reads the directory now and applies it; the text fulcrum:apply prints. */
    String applyNow();

    /** Why the files are not the current revision, or empty when they are (or nothing was read yet). */
    Optional<String> problem();
}
