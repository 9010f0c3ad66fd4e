/**
 * The HAProxy balancing algorithms of configuration.txt 4.2 "balance", one DS {@code SchedulerFactory}
 * each: roundrobin, static-rr, leastconn, first, source, uri, url_param, hdr, rdp-cookie and random.
 * "balance hash EXPR" has no factory here: sample expressions are not evaluated, so the name is not
 * offered and validation refuses it. Private package: only the services are visible.
 */
package dev.fulcrum.sched.haproxy;
