/**
 * Configuration input and its problems: where in which file something is wrong, and what was
 * expected there. Parsers, the REST API and the check command all speak these types.
 */
@Export
@Version("1.1.0")
package dev.fulcrum.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
