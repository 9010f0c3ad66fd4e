/**
 * The apply pipeline: {@code ConfigurationManager} (the ConfigurationService and the "config"
 * subsystem) stores revisions in the revision store and {@code Distribution} hands the current one
 * to every reconciler on one configuration thread.
 */
package dev.fulcrum.config.service;
