/**
 * The scheduling SPI: an algorithm ({@link dev.fulcrum.api.sched.Scheduler}) picks one server of a pool
 * for a request. Each algorithm is published by a {@link dev.fulcrum.api.sched.SchedulerFactory} service
 * carrying {@link dev.fulcrum.api.sched.SchedulerFactory#NAME_PROPERTY}; the
 * {@link dev.fulcrum.api.sched.SchedulerRegistry} finds them by name and hands out
 * {@link dev.fulcrum.api.sched.BalancedPool}s that survive the algorithm's bundle being replaced.
 *
 * <p>The names are the configuration keywords: IPVS {@code lb_algo} (keepalived.conf(5),
 * {@code net/netfilter/ipvs/ip_vs_*.c}) and HAProxy {@code balance} (configuration.txt 4.2). They do not
 * collide, so one name space serves both families.
 */
@Export
@Version("1.0.0")
package dev.fulcrum.api.sched;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
