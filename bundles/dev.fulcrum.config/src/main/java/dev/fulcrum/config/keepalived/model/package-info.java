/**
 * The meaning of keepalived.conf (keepalived 2.2, keepalived.conf(5)): the statement tree of
 * {@link dev.fulcrum.config.keepalived.KeepalivedSyntax} to the desired-state model of
 * dev.fulcrum.api.model.{global,vrrp,lvs}. Entry points: {@link
 * dev.fulcrum.config.keepalived.model.KeepalivedConfigs#read} (file to
 * {@link dev.fulcrum.config.keepalived.model.KeepalivedConfig} or a ConfigException with every
 * problem) and {@link dev.fulcrum.config.keepalived.model.KeepalivedMapper#map}. Private to the bundle;
 * {@code KeepalivedConfig} lives here because it is only the mapper's result, its three parts are
 * the exported model.
 *
 * <p>Where keepalived corrects a configuration instead of refusing it, Fulcrum does the same and
 * says so with a located warning: an {@code auth_pass} longer than 8 characters is truncated
 * ("Only the first eight (8) characters are used"); a fractional VRRPv2 {@code advert_int} is
 * rounded to whole seconds; priority 255 with state BACKUP starts as MASTER; in strict mode a
 * MASTER that is not the address owner starts as BACKUP and {@code preempt_delay} is reset;
 * IPv6 addresses with VRRP version 2 use version 3 (keepalived/vrrp/vrrp.c,
 * vrrp_complete_instance). A missing {@code priority} is 255 for state MASTER, 100 otherwise, as
 * in vrrp.c. Where keepalived only logs and skips (a duplicate instance name, an unknown track
 * script, a VRID used twice on one interface and family) Fulcrum rejects with an error. Every
 * keyword the model does not cover is reported through ProblemCollector.unsupported, naming the
 * block it is in (a warning with --lenient).
 */
package dev.fulcrum.config.keepalived.model;
