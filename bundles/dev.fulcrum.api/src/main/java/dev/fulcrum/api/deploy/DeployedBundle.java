package dev.fulcrum.api.deploy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A bundle whose running content came from a jar in the deploy directory.
 *
 * @param bundleId      the framework's bundle id
 * @param symbolicName  Bundle-SymbolicName
 * @param version       Bundle-Version as written in the jar
 * @param file          the jar in the deploy directory
 * @param replacesImage true when the jar upgraded a bundle of the appliance image in place
 *                      (removing the jar then reverts to the image's version)
 */
public record DeployedBundle(long bundleId, String symbolicName, String version, Path file, boolean replacesImage) {
    public DeployedBundle {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
    }
}
