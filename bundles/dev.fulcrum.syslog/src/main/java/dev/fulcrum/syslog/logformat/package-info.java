/**
 * HAProxy 2.6's log lines (configuration.txt 8.2.2 "TCP log format", 8.2.3 "HTTP log format"),
 * formatted exactly from a plain record of one connection's or request's facts, and the
 * termination-state codes of configuration.txt 8.5 that the proxy fills in.
 */
@Export
@Version("1.0.0")
package dev.fulcrum.syslog.logformat;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
