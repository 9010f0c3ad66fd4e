package dev.fulcrum.console.internal;

import dev.fulcrum.api.deploy.DeployedBundle;
import java.util.Map;

/**
 * Where a bundle's running content came from: the framework itself, the appliance image
 * (its location is in the application directory), the deploy directory, or elsewhere
 * (a test harness, a manual install).
 */
final class BundleOrigin {

    private final String imageLocationPrefix;
    private final Map<Long, DeployedBundle> deployed;

    /** @param imageLocationPrefix location prefix of image bundles (file: URI of the bundles directory), or null */
    BundleOrigin(String imageLocationPrefix, Map<Long, DeployedBundle> deployed) {
        this.imageLocationPrefix = imageLocationPrefix;
        this.deployed = deployed;
    }

    String of(long bundleId, String location) {
        if (bundleId == 0) {
            return "framework";
        }
        DeployedBundle fromDeploy = deployed.get(bundleId);
        if (fromDeploy != null) {
            return "deploy/" + fromDeploy.file().getFileName() + (fromDeploy.replacesImage() ? " (replaces image)" : "");
        }
        if (imageLocationPrefix != null && location.startsWith(imageLocationPrefix)) {
            return "image";
        }
        return location;
    }
}
