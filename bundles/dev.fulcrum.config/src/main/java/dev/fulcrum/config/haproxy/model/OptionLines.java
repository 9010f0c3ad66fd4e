package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.ForwardFor;
import dev.fulcrum.api.model.proxy.HealthCheck;
import dev.fulcrum.api.model.proxy.HttpConnectionMode;
import dev.fulcrum.api.model.proxy.LogFormat;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.Optional;

/**
 * {@code option NAME ...} and {@code no option NAME} (configuration.txt 4.2, 4 "Proxies": "no"
 * cancels an option a defaults section enabled). The supported options are httplog, tcplog,
 * dontlognull, forwardfor, http-server-close, http-keep-alive, httpchk and redispatch.
 */
final class OptionLines {

    private OptionLines() {
    }

    /**
     * @param line    an {@code option} line, or a {@code no} line whose first argument is {@code option}
     * @param offset  0 for {@code option}, 1 for {@code no option}: where the option name is
     * @param scope   where the line is, for capability checks
     */
    static void apply(Line line, int offset, Scope scope, ProxySettings settings, ProblemCollector problems) {
        Optional<Token> name = Words.require(line, offset, "option", "an option name", problems);
        if (name.isEmpty()) {
            return;
        }
        boolean negated = offset == 1;
        String option = name.get().text();
        String keyword = "option " + option;
        switch (option) {
            case "httplog":
            case "tcplog":
                if (option.equals("httplog") && line.argument(offset + 1).map(t -> t.text().equals("clf")).orElse(false)) {
                    problems.unsupported(line.arguments().get(offset + 1).location(), "option httplog clf",
                            scope.describe());
                    return;
                }
                if (words(line, offset, keyword, problems)) {
                    settings.logFormat = negated ? LogFormat.DEFAULT : option.equals("httplog") ? LogFormat.HTTP
                            : LogFormat.TCP;
                    settings.customLogFormat = null;
                    settings.logFormatAt = line.location();
                }
                return;
            case "dontlognull":
                if (words(line, offset, keyword, problems)) {
                    settings.dontLogNull = !negated;
                }
                return;
            case "http-server-close":
            case "http-keep-alive":
                if (words(line, offset, keyword, problems)) {
                    boolean close = option.equals("http-server-close") != negated;
                    settings.connectionMode = close ? HttpConnectionMode.SERVER_CLOSE : HttpConnectionMode.KEEP_ALIVE;
                    settings.connectionModeAt = negated ? null : line.location();
                }
                return;
            case "forwardfor":
                if (negated) {
                    if (words(line, offset, keyword, problems)) {
                        settings.forwardFor = null;
                    }
                } else if (scope.allows(line, keyword, false, false, problems)) {
                    forwardFor(line, offset + 1, problems).ifPresent(f -> {
                        settings.forwardFor = f;
                        settings.forwardForAt = line.location();
                    });
                }
                return;
            case "redispatch":
                if (scope.allows(line, keyword, false, true, problems)) {
                    line.argument(offset + 1).ifPresent(t -> problems.unsupported(t.location(), "option redispatch"
                            + " interval", scope.describe()));
                    if (line.arguments().size() == offset + 1) {
                        settings.redispatch = !negated;
                    }
                }
                return;
            case "httpchk":
                if (negated) {
                    if (words(line, offset, keyword, problems)) {
                        settings.httpCheck = null;
                    }
                } else if (scope.allows(line, keyword, false, true, problems)) {
                    httpchk(line, offset + 1, problems).ifPresent(c -> settings.httpCheck = c);
                }
                return;
            default:
                problems.unsupported(name.get().location(), keyword, scope.describe());
        }
    }

    /** An option without arguments, valid in every proxy: nothing may follow its name. */
    private static boolean words(Line line, int offset, String keyword, ProblemCollector problems) {
        return Words.noMore(line, offset + 1, keyword, problems);
    }

    /** {@code [ except <network> ] [ header <name> ] [ if-none ]}, in any order. */
    private static Optional<ForwardFor> forwardFor(Line line, int from, ProblemCollector problems) {
        Optional<String> except = Optional.empty();
        String header = ForwardFor.DEFAULT_HEADER;
        boolean ifNone = false;
        boolean ok = true;
        for (int i = from; i < line.arguments().size(); i++) {
            Token word = line.arguments().get(i);
            switch (word.text()) {
                case "except": {
                    Optional<Token> network = Words.require(line, ++i, "option forwardfor except", "a network such as"
                            + " 127.0.0.1 or 10.0.0.0/8", problems);
                    ok &= network.isPresent() && Networks.check(network.get(), problems);
                    except = network.map(Token::text);
                    break;
                }
                case "header": {
                    Optional<Token> name = Words.require(line, ++i, "option forwardfor header", "a header name",
                            problems);
                    ok &= name.isPresent() && !name.get().text().isBlank();
                    header = name.map(Token::text).orElse(header);
                    break;
                }
                case "if-none":
                    ifNone = true;
                    break;
                default:
                    problems.error(word.location(), word.text(), "unknown argument for 'option forwardfor': expected"
                            + " 'except NETWORK', 'header NAME' or 'if-none'");
                    ok = false;
            }
        }
        return ok ? Optional.of(new ForwardFor(except, header, ifNone)) : Optional.empty();
    }

    /** {@code option httpchk}, {@code <uri>}, {@code <method> <uri>} or {@code <method> <uri> <version>}. */
    private static Optional<ProxySettings.HttpCheck> httpchk(Line line, int from, ProblemCollector problems) {
        int count = line.arguments().size() - from;
        if (!Words.noMore(line, from + 3, "option httpchk", problems)) {
            return Optional.empty();
        }
        String method = HealthCheck.DEFAULT_METHOD;
        String uri = HealthCheck.DEFAULT_URI;
        String version = HealthCheck.DEFAULT_VERSION;
        if (count == 1) {
            uri = line.arguments().get(from).text();
        } else if (count >= 2) {
            method = line.arguments().get(from).text();
            uri = line.arguments().get(from + 1).text();
            if (count == 3) {
                version = line.arguments().get(from + 2).text();
            }
        }
        for (int i = from; i < line.arguments().size(); i++) {
            Token word = line.arguments().get(i);
            if (word.text().isBlank()) {
                problems.error(word.location(), word.text(), "empty argument for 'option httpchk': expected"
                        + " [METHOD] [URI] [VERSION]");
                return Optional.empty();
            }
        }
        return Optional.of(new ProxySettings.HttpCheck(method, uri, version));
    }
}
