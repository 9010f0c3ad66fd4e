/**
 * Emitters: the desired-state model back to canonical keepalived.conf and haproxy.cfg text.
 *
 * <p>Canonical means deterministic: a fixed keyword order, 4-space indentation, one keyword per
 * line, values quoted only when they need it. The contract, checked by round-trip and property
 * tests, is {@code read(emit(m)).equals(m)} for the readers of this bundle, and
 * {@code emit(read(emit(m))).equals(emit(m))}.
 *
 * <p>Defaults: a value equal to the default the reader fills in is left out (except a proxy's
 * {@code mode}, always written so that a reader of the file sees it); every other value is written.
 * Leaving defaults out keeps the text short and is exact, because the readers restore the very same
 * default values. Values an inner block would otherwise inherit or derive (keepalived's per-instance
 * {@code version}, {@code priority}, {@code strict_mode}, {@code accept}, {@code smtp_alert}, a real
 * server's {@code inhibit_on_failure}) are always written, so each block reads back alone.
 *
 * <p>A model value a format has no spelling for (a keepalived value with a double quote or a line
 * break; an haproxy.cfg log target named {@code global}, an ALPN protocol with a comma, an empty last
 * ACL value, an ACL named {@code or} in a condition) is refused with an IllegalArgumentException
 * rather than written as text that would read back differently. The package is private to the
 * bundle.
 */
package dev.fulcrum.config.emit;
