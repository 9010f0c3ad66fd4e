package dev.fulcrum.api.os;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** Runs programs. Implemented by {@code dev.fulcrum.os}; the only place Fulcrum starts processes. */
@ProviderType
public interface ProcessRunner {

    /**
     * Runs the command to its end or its time limit.
     *
     * @throws IOException when the program cannot be started (not found, not executable, no such user)
     */
    ProcessResult run(Command command) throws IOException;

    /** Whether a program of this name is on PATH (or, with a slash, exists and is executable). */
    boolean isInstalled(String program);
}
