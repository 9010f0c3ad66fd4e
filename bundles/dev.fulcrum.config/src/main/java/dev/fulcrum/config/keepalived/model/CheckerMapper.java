package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.lvs.CheckCommon;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.Url;
import dev.fulcrum.config.keepalived.Statement;
import dev.fulcrum.config.keepalived.Token;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A real_server checker block (keepalived.conf(5) TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK,
 * SMTP_CHECK, DNS_CHECK) to a {@link HealthChecker}; UDP_CHECK, PING_CHECK, FILE_CHECK and
 * BFD_CHECK are reported unsupported by the caller.
 */
final class CheckerMapper {

    static final List<String> SUPPORTED = List.of("TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK",
            "DNS_CHECK");
    private static final String MAX = "2147483";

    private final Args args;

    CheckerMapper(Args args) {
        this.args = args;
    }

    Optional<HealthChecker> map(Statement checker) {
        return new Reader(checker).read();
    }

    private final class Reader {
        private final Statement s;
        private boolean ok;
        private Optional<InetAddress> connectIp = Optional.empty();
        private OptionalInt connectPort = OptionalInt.empty();
        private Optional<InetAddress> bindTo = Optional.empty();
        private OptionalInt bindPort = OptionalInt.empty();
        private Duration connectTimeout = CheckCommon.DEFAULT_CONNECT_TIMEOUT;
        private int retry = CheckCommon.DEFAULT_RETRY;
        private Duration delayBeforeRetry = CheckCommon.DEFAULT_DELAY_BEFORE_RETRY;
        private Optional<Duration> warmup = Optional.empty();
        private Optional<Duration> delayLoop = Optional.empty();
        private final List<Url> urls = new ArrayList<>();
        private Optional<String> virtualhost = Optional.empty();
        private Optional<String> httpProtocol = Optional.empty();
        private boolean enableSni;
        private Optional<String> miscPath = Optional.empty();
        private Optional<Duration> miscTimeout = Optional.empty();
        private boolean miscDynamic;
        private Optional<String> user = Optional.empty();
        private Optional<String> helo = Optional.empty();
        private String dnsType = HealthChecker.DnsCheck.DEFAULT_TYPE;
        private String dnsName = HealthChecker.DnsCheck.DEFAULT_NAME;

        Reader(Statement s) {
            this.s = s;
            this.ok = args.none(s);
        }

        private <T> Optional<T> check(Optional<T> value) {
            ok &= value.isPresent();
            return value;
        }

        private OptionalInt port(Statement c) {
            return check(args.one(c, "a port 1..65535").flatMap(args::port)).map(OptionalInt::of).orElse(OptionalInt.empty());
        }

        Optional<HealthChecker> read() {
            String kind = s.keyword();
            for (Statement c : s.block()) {
                if (!common(c) && !specific(kind, c)) {
                    args.problems().unsupported(c.location(), c.keyword(), kind);
                }
            }
            if (!ok) {
                return Optional.empty();
            }
            CheckCommon common = new CheckCommon(connectIp, connectPort, bindTo, bindPort, connectTimeout, retry,
                    delayBeforeRetry, warmup, delayLoop);
            switch (kind) {
                case "TCP_CHECK": return Optional.of(new HealthChecker.TcpCheck(common));
                case "HTTP_GET":
                case "SSL_GET":
                    if (urls.isEmpty()) {
                        args.error(s, kind + ": at least one url { path ... } is required");
                        return Optional.empty();
                    }
                    return Optional.of(new HealthChecker.HttpGet(kind.equals("SSL_GET"), common, urls, virtualhost,
                            httpProtocol, enableSni));
                case "MISC_CHECK":
                    if (miscPath.isEmpty()) {
                        args.error(s, "MISC_CHECK: misc_path is required");
                        return Optional.empty();
                    }
                    return Optional.of(new HealthChecker.MiscCheck(common, miscPath.get(), miscTimeout, miscDynamic, user));
                case "SMTP_CHECK": return Optional.of(new HealthChecker.SmtpCheck(common, helo));
                default: return Optional.of(new HealthChecker.DnsCheck(common, dnsType, dnsName));
            }
        }

        /** keepalived.conf(5) checker common options. */
        private boolean common(Statement c) {
            switch (c.keyword()) {
                case "connect_ip": connectIp = check(args.address(c)); return true;
                case "connect_port": connectPort = port(c); return true;
                case "bindto": bindTo = check(args.address(c)); return true;
                case "bind_port": bindPort = port(c); return true;
                case "connect_timeout": connectTimeout = check(args.seconds(c, "0.000001", MAX)).orElse(connectTimeout); return true;
                case "retry":
                case "nb_get_retry": retry = check(args.integer(c, 0, Integer.MAX_VALUE)).orElse(retry); return true;
                case "delay_before_retry": delayBeforeRetry = check(args.seconds(c, "0", MAX)).orElse(delayBeforeRetry); return true;
                case "warmup": warmup = check(args.seconds(c, "0", MAX)); return true;
                case "delay_loop": delayLoop = check(args.seconds(c, "0.000001", MAX)); return true;
                default: return false;
            }
        }

        private boolean specific(String kind, Statement c) {
            switch (kind + " " + c.keyword()) {
                case "HTTP_GET url":
                case "SSL_GET url": url(c).ifPresentOrElse(urls::add, () -> ok = false); return true;
                case "HTTP_GET virtualhost":
                case "SSL_GET virtualhost": virtualhost = check(args.one(c, "a host name")).map(Token::text); return true;
                case "HTTP_GET http_protocol":
                case "SSL_GET http_protocol": httpProtocol = check(args.choice(c, List.of("1.0", "1.1", "1.0C", "1.0K"))); return true;
                case "SSL_GET enable_sni": ok &= args.none(c); enableSni = true; return true;
                case "MISC_CHECK misc_path": miscPath = check(args.text(c, "a command")); return true;
                case "MISC_CHECK misc_timeout": miscTimeout = check(args.seconds(c, "0.000001", MAX)); return true;
                case "MISC_CHECK misc_dynamic": ok &= args.none(c); miscDynamic = true; return true;
                case "MISC_CHECK user": ok &= args.count(c, 1, 2, "USERNAME [GROUPNAME]");
                    user = Optional.of(String.join(" ", c.argumentTexts())); return true;
                case "SMTP_CHECK helo_name": helo = check(args.one(c, "a name")).map(Token::text); return true;
                case "DNS_CHECK type": dnsType = check(args.choice(c, List.of("A", "NS", "CNAME", "SOA", "MX", "TXT",
                        "AAAA"))).orElse(dnsType); return true;
                case "DNS_CHECK name": dnsName = check(args.one(c, "a domain name")).map(Token::text).orElse(dnsName); return true;
                default: return false;
            }
        }
    }

    /** {@code url { path <PATH>; digest <MD5>; status_code <CODE|FROM-TO>...; virtualhost <HOST> }}. */
    private Optional<Url> url(Statement u) {
        boolean ok = args.none(u);
        Optional<String> path = Optional.empty();
        Optional<String> digest = Optional.empty();
        List<Url.StatusRange> codes = new ArrayList<>();
        Optional<String> virtualhost = Optional.empty();
        for (Statement c : u.block()) {
            switch (c.keyword()) {
                case "path": path = args.one(c, "a path").map(Token::text); ok &= path.isPresent(); break;
                case "digest":
                    Optional<Token> d = args.one(c, "an MD5 digest (32 hex digits)");
                    if (d.isPresent() && !d.get().text().matches("[0-9a-fA-F]{32}")) {
                        args.error(d.get(), "expected an MD5 digest (32 hex digits)");
                        d = Optional.empty();
                    }
                    ok &= d.isPresent();
                    digest = d.map(t -> t.text().toLowerCase(Locale.ROOT));
                    break;
                case "status_code":
                    ok &= args.count(c, 1, Integer.MAX_VALUE, "<CODE>|<FROM>-<TO>...");
                    for (Token t : c.arguments()) {
                        Optional<Url.StatusRange> range = status(t);
                        ok &= range.isPresent();
                        range.ifPresent(codes::add);
                    }
                    break;
                case "virtualhost": virtualhost = args.one(c, "a host name").map(Token::text); ok &= virtualhost.isPresent(); break;
                default: args.problems().unsupported(c.location(), c.keyword(), "url");
            }
        }
        if (ok && path.isEmpty()) {
            args.error(u, "url: path is required");
            ok = false;
        }
        return ok ? Optional.of(new Url(path.get(), digest, codes, virtualhost)) : Optional.empty();
    }

    private Optional<Url.StatusRange> status(Token t) {
        String[] parts = t.text().split("-", -1);
        if (parts.length <= 2 && t.text().matches("\\d{3}(-\\d{3})?")) {
            int from = Integer.parseInt(parts[0]);
            int to = Integer.parseInt(parts[parts.length - 1]);
            if (from >= 100 && to <= 599 && from <= to) {
                return Optional.of(new Url.StatusRange(from, to));
            }
        }
        args.error(t, "expected an HTTP status code 100..599 or a range FROM-TO");
        return Optional.empty();
    }
}
