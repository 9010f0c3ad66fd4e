/**
 * The syntax layer of haproxy.cfg, with HAProxy 2.6 semantics (doc/configuration.txt of HAProxy
 * 2.6; behaviour checked against HAProxy 2.6.12 where the manual is vague):
 *
 * <ul>
 *   <li>{@link dev.fulcrum.config.haproxy.HaproxySyntax#parse} is the entry point: file text in,
 *       {@link dev.fulcrum.config.haproxy.HaproxySyntax.Result} out (sections, the defaults chain of
 *       every proxy, every problem with its file:line:column). It never throws for bad input;</li>
 *   <li>{@link dev.fulcrum.config.haproxy.LineTokenizer}: 2.1 "Configuration file format", 2.2
 *       "Quoting and escaping", 2.3 "Environment variables" (the environment is injected);</li>
 *   <li>{@link dev.fulcrum.config.haproxy.SectionParser}, {@link dev.fulcrum.config.haproxy.ProxyNames},
 *       {@link dev.fulcrum.config.haproxy.DefaultsInheritance}: sections and 4 "Proxies";</li>
 *   <li>value parsers for the model layer: {@link dev.fulcrum.config.haproxy.TimeValue} (2.5 "Time
 *       format"), {@link dev.fulcrum.config.haproxy.SizeValue}, {@link dev.fulcrum.config.haproxy.IntegerValue},
 *       {@link dev.fulcrum.config.haproxy.AddressParser} (11 "Address formats").</li>
 * </ul>
 *
 * Keywords are not interpreted here: a {@link dev.fulcrum.config.haproxy.Line} is its first word and
 * the words after it. The package is private to the bundle.
 */
package dev.fulcrum.config.haproxy;
