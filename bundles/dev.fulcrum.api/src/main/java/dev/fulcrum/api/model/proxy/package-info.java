/**
 * The desired state of the L4/L7 proxy, as an admin's haproxy.cfg describes it (HAProxy 2.6
 * semantics, doc/configuration.txt sections cited on each type): immutable records whose
 * constructors reject impossible values. No parsing and no source locations live here; the
 * configuration bundle maps haproxy.cfg to these records, the proxy subsystem reconciles them and
 * the REST API exposes them.
 *
 * <p>HAProxy's defaults are applied when the model is built: a value the file leaves out holds the
 * documented default (e.g. {@link dev.fulcrum.api.model.proxy.Server#DEFAULT_INTER}), and a
 * {@code defaults} section is already merged into every proxy.
 */
@Export
@Version("1.1.0")
package dev.fulcrum.api.model.proxy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
