package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.lvs.ForwardingMethod;
import dev.fulcrum.api.model.lvs.HealthChecker;
import dev.fulcrum.api.model.lvs.RealServer;
import dev.fulcrum.api.model.lvs.Tunnel;
import dev.fulcrum.config.keepalived.Statement;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** keepalived.conf(5) {@code real_server <IPADDR> <PORT> { ... }} to {@link RealServer}. */
final class RealServerMapper {

    private final Args args;
    private final CheckerMapper checkers;
    private final LvsMethodReader methods;

    RealServerMapper(Args args) {
        this.args = args;
        this.checkers = new CheckerMapper(args);
        this.methods = new LvsMethodReader(args);
    }

    /**
     * @param inhibitDefault the virtual server's inhibit_on_failure
     */
    Optional<RealServer> map(Statement s, boolean inhibitDefault) {
        // keepalived.conf(5): "real_server <IPADDR> [<PORT>]"; no port (0) = the virtual server's port.
        boolean ok = args.count(s, 1, 2, "<IPADDR> [<PORT>]");
        Optional<InetAddress> address = ok ? args.address(s.arguments().get(0)) : Optional.empty();
        Optional<Integer> port = !ok ? Optional.empty()
                : s.arguments().size() == 1 ? Optional.of(0) : args.integer(s.arguments().get(1), 0, 65535);
        ok &= address.isPresent() && port.isPresent();
        String context = "real_server " + String.join(" ", s.argumentTexts());
        int weight = RealServer.DEFAULT_WEIGHT;
        Optional<ForwardingMethod> forwarding = Optional.empty();
        Optional<Tunnel> tunnel = Optional.empty();
        boolean inhibit = inhibitDefault;
        Optional<String> notifyUp = Optional.empty();
        Optional<String> notifyDown = Optional.empty();
        int upper = 0;
        int lower = 0;
        List<HealthChecker> list = new ArrayList<>();
        for (Statement c : s.block()) {
            switch (c.keyword()) {
                // keepalived.conf(5): weight default 1; IPVS takes 0..65535
                case "weight": Optional<Integer> w = args.integer(c, 0, 65535); ok &= w.isPresent();
                    weight = w.orElse(weight); break;
                case "lvs_method": Optional<LvsMethodReader.Method> m = methods.read(c); ok &= m.isPresent();
                    forwarding = m.map(LvsMethodReader.Method::forwarding);
                    tunnel = m.flatMap(LvsMethodReader.Method::tunnel); break;
                case "inhibit_on_failure": Optional<Boolean> i = args.flag(c); ok &= i.isPresent();
                    inhibit = i.orElse(inhibit); break;
                case "notify_up": notifyUp = args.text(c, "a command"); ok &= notifyUp.isPresent(); break;
                case "notify_down": notifyDown = args.text(c, "a command"); ok &= notifyDown.isPresent(); break;
                case "uthreshold": Optional<Integer> u = args.integer(c, 0, Integer.MAX_VALUE); ok &= u.isPresent();
                    upper = u.orElse(0); break;
                case "lthreshold": Optional<Integer> l = args.integer(c, 0, Integer.MAX_VALUE); ok &= l.isPresent();
                    lower = l.orElse(0); break;
                default:
                    if (CheckerMapper.SUPPORTED.contains(c.keyword())) {
                        Optional<HealthChecker> checker = checkers.map(c);
                        ok &= checker.isPresent();
                        checker.ifPresent(list::add);
                    } else {
                        args.problems().unsupported(c.location(), c.keyword(), context);
                    }
            }
        }
        return ok ? Optional.of(new RealServer(address.get(), port.get(), weight, forwarding, inhibit, notifyUp,
                notifyDown, upper, lower, list, tunnel)) : Optional.empty();
    }
}
