package dev.fulcrum.deploy.internal;

/** One step that brings the framework in line with the deploy directory. */
sealed interface DeployAction {

    /** A bundle id the action works on, for ordering and logs (-1 for a new bundle). */
    long bundleId();

    /** A symbolic name not installed yet: install and start. */
    record Install(JarInfo jar) implements DeployAction {
        @Override
        public long bundleId() {
            return -1;
        }
    }

    /** Replace the content of a running bundle (same symbolic name) in place, then refresh it. */
    record Update(long bundleId, JarInfo jar) implements DeployAction {
    }

    /** The jar of a bundle the deployer installed is gone: uninstall it. */
    record Uninstall(long bundleId) implements DeployAction {
    }

    /** The jar that upgraded an image bundle is gone: go back to the image's jar (its location). */
    record Revert(long bundleId) implements DeployAction {
    }

    /** A recorded bundle was uninstalled by someone else: drop the record. */
    record Forget(long bundleId) implements DeployAction {
    }

    /** A jar that is not deployed, and why (told once to the log). */
    record Skip(JarInfo jar, String reason) implements DeployAction {
        @Override
        public long bundleId() {
            return -1;
        }
    }
}
