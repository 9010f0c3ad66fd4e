package dev.fulcrum.config.keepalived.model;

import dev.fulcrum.api.model.vrrp.VrrpScript;
import dev.fulcrum.config.keepalived.Statement;
import java.time.Duration;
import java.util.Optional;

/** keepalived.conf(5) {@code vrrp_script <SCRIPT_NAME> { ... }} to {@link VrrpScript}. */
final class VrrpScriptMapper {

    private final Args args;

    VrrpScriptMapper(Args args) {
        this.args = args;
    }

    Optional<VrrpScript> map(Statement s) {
        Optional<String> name = args.one(s, "a script name").map(t -> t.text());
        Optional<String> command = Optional.empty();
        Duration interval = VrrpScript.DEFAULT_INTERVAL;
        Optional<Duration> timeout = Optional.empty();
        int weight = 0;
        boolean reverse = false;
        int rise = 1;
        int fall = 1;
        Optional<String> user = Optional.empty();
        boolean initFail = false;
        boolean ok = name.isPresent();
        for (Statement c : s.block()) {
            switch (c.keyword()) {
                case "script": command = args.text(c, "a command"); ok &= command.isPresent(); break;
                case "interval": Optional<Duration> i = args.seconds(c, "0.000001", "2147483"); ok &= i.isPresent();
                    interval = i.orElse(interval); break;
                case "timeout": timeout = args.seconds(c, "0.000001", "2147483"); ok &= timeout.isPresent(); break;
                case "weight":
                    if (!args.count(c, 1, 2, "<-253..253> [reverse]")) {
                        ok = false;
                        break;
                    }
                    Optional<Integer> w = args.integer(c.arguments().get(0), -253, 253);
                    ok &= w.isPresent();
                    weight = w.orElse(0);
                    if (c.arguments().size() == 2) {
                        ok &= args.choice(c.arguments().get(1), java.util.List.of("reverse")).isPresent();
                        reverse = true;
                    }
                    break;
                case "rise": Optional<Integer> r = args.integer(c, 1, Integer.MAX_VALUE); ok &= r.isPresent();
                    rise = r.orElse(1); break;
                case "fall": Optional<Integer> f = args.integer(c, 1, Integer.MAX_VALUE); ok &= f.isPresent();
                    fall = f.orElse(1); break;
                case "user": ok &= args.count(c, 1, 2, "USERNAME [GROUPNAME]");
                    user = Optional.of(String.join(" ", c.argumentTexts())); break;
                case "init_fail": ok &= args.none(c); initFail = true; break;
                default: args.problems().unsupported(c.location(), c.keyword(), "vrrp_script " + name.orElse(""));
            }
        }
        if (command.isEmpty() && ok) {
            args.error(s, "vrrp_script " + name.get() + ": script is required");
            ok = false;
        }
        return ok ? Optional.of(new VrrpScript(name.get(), command.get(), interval, timeout, weight, reverse, rise,
                fall, user, initFail)) : Optional.empty();
    }
}
