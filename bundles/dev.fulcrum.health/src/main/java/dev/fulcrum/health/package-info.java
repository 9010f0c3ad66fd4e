/**
 * Health checks shared by the proxy (HAProxy {@code check}, {@code option httpchk}) and LVS
 * (keepalived TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK): start a {@link dev.fulcrum.health.HealthMonitor}
 * for a target and receive its UP/DOWN changes. Plain Java: no Netty type is part of this API.
 */
@Export
@Version("1.2.0")
package dev.fulcrum.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
