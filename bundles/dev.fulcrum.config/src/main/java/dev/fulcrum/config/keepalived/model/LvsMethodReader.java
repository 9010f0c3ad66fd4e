package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.Tunnel;
import dev.fulcrum.config.keepalived.Statement;
import dev.fulcrum.config.keepalived.Token;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * keepalived.conf(5) {@code lb_kind} / {@code lvs_method NAT|DR|TUN [type {ipip|gue port NUM|gre}
 * [nocsum|csum|remcsum]]} in virtual_server and real_server blocks. Every error is reported at its token.
 */
final class LvsMethodReader {

    /** A forwarding method and, for TUN with a {@code type}, its tunnel. */
    record Method(ForwardingMethod forwarding, Optional<Tunnel> tunnel) {
    }

    private static final String EXPECTED = "NAT|DR|TUN [type {ipip|gue port NUM|gre} [nocsum|csum|remcsum]]";

    private final Args args;

    LvsMethodReader(Args args) {
        this.args = args;
    }

    Optional<Method> read(Statement c) {
        if (!args.count(c, 1, 6, EXPECTED)) {
            return Optional.empty();
        }
        List<Token> a = c.arguments();
        Optional<ForwardingMethod> forwarding = args.choice(a.get(0), List.of("NAT", "DR", "TUN")).map(ForwardingMethod::valueOf);
        if (forwarding.isEmpty()) {
            return Optional.empty();
        }
        if (a.size() == 1) {
            return Optional.of(new Method(forwarding.get(), Optional.empty()));
        }
        if (forwarding.get() != ForwardingMethod.TUN) {
            args.error(a.get(1), c.keyword() + ": only TUN takes a tunnel type");
            return Optional.empty();
        }
        if (!a.get(1).text().equals("type")) {
            args.error(a.get(1), c.keyword() + ": expected \"type\" after TUN");
            return Optional.empty();
        }
        return tunnel(c, a.subList(2, a.size())).map(t -> new Method(ForwardingMethod.TUN, Optional.of(t)));
    }

    /** {@code ipip|gue port NUM|gre [nocsum|csum|remcsum]}. */
    private Optional<Tunnel> tunnel(Statement c, List<Token> a) {
        if (a.isEmpty()) {
            args.count(c, 3, 6, EXPECTED);
            return Optional.empty();
        }
        Optional<Tunnel.Type> type = args.choice(a.get(0), List.of("ipip", "gue", "gre"))
                .map(t -> Tunnel.Type.valueOf(t.toUpperCase(Locale.ROOT)));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        int next = 1;
        int port = 0;
        if (type.get() == Tunnel.Type.GUE) {
            if (a.size() < 3 || !a.get(1).text().equals("port")) {
                reportAt(c, a, 1, c.keyword() + ": a gue tunnel needs \"port NUM\"");
                return Optional.empty();
            }
            Optional<Integer> number = args.port(a.get(2));
            if (number.isEmpty()) {
                return Optional.empty();
            }
            port = number.get();
            next = 3;
        }
        Tunnel.Checksum checksum = Tunnel.Checksum.NOCSUM;
        if (next < a.size()) {
            List<String> allowed = switch (type.get()) {
                case IPIP -> List.of("nocsum"); // the default, harmless to write
                case GRE -> List.of("nocsum", "csum");
                case GUE -> List.of("nocsum", "csum", "remcsum");
            };
            if (type.get() == Tunnel.Type.IPIP && !a.get(next).text().equals("nocsum")) {
                args.error(a.get(next), c.keyword() + ": an ipip tunnel takes no checksum option");
                return Optional.empty();
            }
            Optional<String> word = args.choice(a.get(next), allowed);
            if (word.isEmpty()) {
                return Optional.empty();
            }
            checksum = Tunnel.Checksum.valueOf(word.get().toUpperCase(Locale.ROOT));
            next++;
        }
        if (next < a.size()) {
            args.error(a.get(next), c.keyword() + ": too many arguments: expected " + EXPECTED);
            return Optional.empty();
        }
        return Optional.of(new Tunnel(type.get(), port, checksum));
    }

    private void reportAt(Statement c, List<Token> a, int index, String message) {
        if (index < a.size()) {
            args.error(a.get(index), message);
        } else {
            args.error(a.get(a.size() - 1), message);
        }
    }
}
