package dev.fulcrum.api.deploy;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The hot-deploy watcher, as seen by the console and the REST API. */
@ProviderType
public interface HotDeploy {

    /** The watched directory. */
    Path directory();

    /** The bundles whose content currently comes from the deploy directory, by bundle id. */
    List<DeployedBundle> deployed();
}
