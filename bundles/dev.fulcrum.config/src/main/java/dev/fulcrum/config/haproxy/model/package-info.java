/**
 * haproxy.cfg to the proxy desired-state model ({@link dev.fulcrum.api.model.proxy}), with HAProxy
 * 2.6 semantics (doc/configuration.txt; sections cited on each class).
 *
 * <ul>
 *   <li>{@link dev.fulcrum.config.haproxy.model.HaproxyConfigs#read} / {@code load}: text in, model
 *       (and warnings) out, or a ConfigException carrying every problem with file:line:column;</li>
 *   <li>{@link dev.fulcrum.config.haproxy.model.HaproxyMapper#map}: the syntax layer's result to the
 *       model, applying the defaults inheritance and checking references;</li>
 *   <li>one class per keyword family: GlobalSection (3), ProxyKeywords (4.2 dispatch, mode, timeout,
 *       maxconn, retries, log, default_backend), OptionLines, BalanceLine, ServerLine (5.2), BindLine
 *       (5.1), AclLines (7.1, 7.2), HttpCheckLine, HttpModeChecks (HAProxy's tcp-mode fall-backs).</li>
 * </ul>
 *
 * Mapped: global log, maxconn, user, group, daemon, chroot, nbthread, stats socket [level]; in
 * defaults/frontend/backend/listen: mode, log global | log ADDR FACILITY [LEVEL], no log, option
 * httplog, tcplog, dontlognull, log-format (the variables of 8.2.6 but %sslc, %sslv and %[sample]),
 * capture request|response header NAME len N, forwardfor [except] [header] [if-none], http-server-close,
 * http-keep-alive, httpchk [METHOD URI VER], redispatch (and "no option" of each), http-check expect
 * [!] status|rstatus|string|rstring, retries, timeout client|server|connect|http-request|
 * http-keep-alive|queue|tunnel|check, maxconn, balance (all 11 algorithms and their arguments),
 * default_backend, use_backend NAME if|unless ACL..., acl (path, path_beg, path_end, hdr*, src,
 * method; -i), bind ADDR:PORT[-PORT] [ssl crt PEM... alpn LIST], the frontend/listen section-line
 * addresses, server and default-server with check, inter, fastinter, downinter, rise, fall, weight,
 * backup, maxconn, maxqueue, disabled, slowstart, send-proxy. Anything else is reported with ProblemCollector.unsupported:
 * an error, or a warning with --lenient; never silently dropped.
 */
package dev.fulcrum.config.haproxy.model;
