/**
 * The desired-state model as JSON (Jackson), the format the REST API speaks. {@link
 * dev.fulcrum.config.json.ModelJson} writes a {@link dev.fulcrum.api.model.DesiredState} as pretty,
 * deterministic JSON and reads it back through the records' own constructors, so JSON input gets the
 * same validation as keepalived.conf / haproxy.cfg input. Field names, value representations and
 * defaults are documented in {@code docs/json-model.md}. Jackson stays out of {@code dev.fulcrum.api}:
 * everything Jackson needs (naming, mix-ins, codecs) is configured here.
 */
package dev.fulcrum.config.json;
