package dev.fulcrum.config.haproxy.model;

import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.PortRange;
import dev.fulcrum.api.model.proxy.TlsSettings;
import dev.fulcrum.config.haproxy.AddressParser;
import dev.fulcrum.config.haproxy.Endpoint;
import dev.fulcrum.config.haproxy.Line;
import dev.fulcrum.config.haproxy.Token;
import dev.fulcrum.config.internal.ProblemCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * configuration.txt 4.2 "bind [&lt;address&gt;]:&lt;port_range&gt; [, ...] [param*]" with the 5.1 bind options
 * {@code ssl}, {@code crt <cert>} (repeatable) and {@code alpn <protocols>}; other options are
 * reported as unsupported. Also the listening addresses on a frontend/listen section line.
 */
final class BindLine {

    private BindLine() {
    }

    /** The binds of one {@code bind} line; nothing after reporting a problem in its options. */
    static List<Bind> parse(Line line, String context, ProblemCollector problems) {
        Optional<Token> addresses = Words.require(line, 0, "bind", "[ADDRESS]:PORT[-LAST][,...] [ssl crt PEM]",
                problems);
        if (addresses.isEmpty()) {
            return List.of();
        }
        boolean ssl = false;
        Token sslWord = null;
        List<String> certificates = new ArrayList<>();
        List<String> alpn = new ArrayList<>();
        boolean ok = true;
        boolean complete = true;
        for (int i = 1; i < line.arguments().size(); i++) {
            Token word = line.arguments().get(i);
            switch (word.text()) {
                case "ssl":
                    ssl = true;
                    sslWord = word;
                    break;
                case "crt": {
                    Optional<Token> path = Words.require(line, ++i, "bind crt", "a certificate path", problems);
                    ok &= path.isPresent();
                    path.ifPresent(t -> certificates.add(t.text()));
                    break;
                }
                case "alpn": {
                    Optional<Token> list = Words.require(line, ++i, "bind alpn", "protocols such as h2,http/1.1",
                            problems);
                    ok &= list.isPresent() && alpn(list.get(), alpn, problems);
                    break;
                }
                default:
                    // Its arity is unknown, so the rest of the line cannot be read reliably.
                    problems.unsupported(word.location(), "bind " + word.text(), context);
                    ok = false;
                    complete = false;
                    i = line.arguments().size();
            }
        }
        if (ssl && complete && certificates.isEmpty()) {
            problems.error(sslWord.location(), "ssl", "no certificate for 'ssl': add 'crt PEM' to the bind line");
            ok = false;
        }
        if (!ssl && complete && (!certificates.isEmpty() || !alpn.isEmpty())) {
            problems.warning(addresses.get().location(), "bind", "'crt' and 'alpn' are ignored without 'ssl'");
        }
        List<Bind> binds = endpoints(addresses.get(), context, problems,
                ssl && ok ? Optional.of(new TlsSettings(certificates, alpn)) : Optional.empty());
        return ok ? binds : List.of();
    }

    /** A comma-separated address list without options (also the section-line short form). */
    static List<Bind> endpoints(Token addresses, String context, ProblemCollector problems,
            Optional<TlsSettings> tls) {
        List<Bind> binds = new ArrayList<>();
        for (Endpoint endpoint : AddressParser.parseBind(addresses, problems)) {
            if (endpoint instanceof Endpoint.Unix) {
                problems.unsupported(endpoint.location(), "bind on a UNIX socket", context);
                continue;
            }
            Endpoint.Inet inet = (Endpoint.Inet) endpoint;
            String address = inet.address().map(a -> a.getHostAddress()).orElse(inet.host());
            binds.add(new Bind(address, new PortRange(inet.port().first(), inet.port().last()), tls));
        }
        return binds;
    }

    private static boolean alpn(Token list, List<String> into, ProblemCollector problems) {
        for (String protocol : list.text().split(",", -1)) {
            if (protocol.isEmpty()) {
                problems.error(list.location(), list.text(), "empty protocol name in the alpn list");
                return false;
            }
            into.add(protocol);
        }
        return true;
    }
}
