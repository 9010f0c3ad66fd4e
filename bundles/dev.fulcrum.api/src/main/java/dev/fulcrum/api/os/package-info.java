/**
 * The one door to the operating system. Bundles run programs, touch sysctls and load kernel
 * modules only through these services (implemented by {@code dev.fulcrum.os}), never with
 * {@code ProcessBuilder} or {@code /proc} of their own.
 */
@Export
@Version("1.1.0")
package dev.fulcrum.api.os;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
