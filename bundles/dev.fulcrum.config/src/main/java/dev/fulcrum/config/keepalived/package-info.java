/**
 * The keepalived.conf syntax layer (keepalived 2.2, keepalived.conf(5)): files to a located tree
 * of {@link dev.fulcrum.config.keepalived.Statement}s, with every problem collected. Entry point:
 * {@link dev.fulcrum.config.keepalived.KeepalivedSyntax}. Private to the bundle.
 */
package dev.fulcrum.config.keepalived;
