package dev.fulcrum.deploy.internal;

import java.nio.file.Path;
import org.osgi.framework.Version;

/** A bundle jar found in the deploy directory: its identity and a checksum of its bytes. */
record JarInfo(Path file, String symbolicName, Version version, long checksum) {

    String describe() {
        return file.getFileName() + " (" + symbolicName + " " + version + ")";
    }
}
