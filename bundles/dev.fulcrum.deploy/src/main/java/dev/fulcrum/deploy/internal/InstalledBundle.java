package dev.fulcrum.deploy.internal;

import org.osgi.framework.Version;

/**
 * The planner's view of one installed bundle.
 *
 * @param fromDeployDirectory installed by the deployer (its location is in the deploy directory);
 *                            false for image bundles, which are only ever updated in place
 */
record InstalledBundle(long bundleId, String symbolicName, Version version, boolean fromDeployDirectory) {
}
