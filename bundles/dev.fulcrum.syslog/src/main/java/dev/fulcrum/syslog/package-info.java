/**
 * Syslog output the way HAProxy 2.6 sends it: one {@link dev.fulcrum.syslog.SyslogSink} per
 * {@code log} target of haproxy.cfg (configuration.txt 3.1 "log"), RFC 3164 framing
 * ({@link dev.fulcrum.syslog.Rfc3164}), UDP or unix datagram transport. A sink never blocks its
 * caller: when the socket buffer is full the line is dropped and counted, as HAProxy does.
 */
@Export
@Version("1.0.0")
package dev.fulcrum.syslog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
