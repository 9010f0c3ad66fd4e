/**
 * The proxy's runtime statistics: HAProxy's {@code show stat} rows as a service
 * ({@link dev.fulcrum.api.proxy.ProxyStats}) and their CSV text ({@link dev.fulcrum.api.proxy.StatCsv}).
 */
@Export
@Version("1.0.0")
package dev.fulcrum.api.proxy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
