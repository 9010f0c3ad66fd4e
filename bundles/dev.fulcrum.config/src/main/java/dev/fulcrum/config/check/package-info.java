/**
 * {@code fulcrum check}: validates keepalived.conf and haproxy.cfg files from the command line
 * (the launcher, without starting the framework) and from Gogo ({@code fulcrum:check}).
 */
package dev.fulcrum.config.check;
