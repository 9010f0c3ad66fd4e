package dev.fulcrum.config.emit;

import dev.fulcrum.api.model.proxy.Acl;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.BackendRule;
import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.ForwardFor;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.HealthCheck;
import dev.fulcrum.api.model.proxy.HttpCheckExpect;
import dev.fulcrum.api.model.proxy.HttpConnectionMode;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Server;
import java.util.ArrayList;
import java.util.List;

/** The frontend and backend sections of {@link HaproxyEmitter} (configuration.txt 4.2 keywords). */
final class HaproxyProxies {

    private HaproxyProxies() {
    }

    static void frontend(Frontend f, ConfigText out) {
        out.raw("frontend " + f.name()).indent();
        mode(f.mode(), out);
        f.binds().forEach(b -> bind(b, out));
        if (f.maxconn() > 0) {
            out.line("maxconn", Integer.toString(f.maxconn()));
        }
        HaproxyEmitter.timeouts(f.timeouts(), out);
        HaproxyEmitter.log(f.log(), out);
        options(f.options(), out);
        f.acls().forEach(a -> acl(a, out));
        f.useBackend().forEach(r -> useBackend(r, out));
        f.defaultBackend().ifPresent(b -> out.line("default_backend", b));
        out.outdent();
    }

    static void backend(Backend b, ConfigText out) {
        out.raw("backend " + b.name()).indent();
        mode(b.mode(), out);
        if (!b.balance().equals(Balance.DEFAULT)) {
            balance(b.balance(), out);
        }
        HaproxyEmitter.timeouts(b.timeouts(), out);
        if (b.retries() != Backend.DEFAULT_RETRIES) {
            out.line("retries", Integer.toString(b.retries()));
        }
        if (b.redispatch()) {
            out.line("option", "redispatch");
        }
        HaproxyEmitter.log(b.log(), out);
        options(b.options(), out);
        b.healthCheck().ifPresent(c -> healthCheck(c, out));
        b.servers().forEach(s -> server(s, out));
        out.outdent();
    }

    /** 4.2 "mode": always written, although tcp is the default, so that the text says it. */
    private static void mode(Mode mode, ConfigText out) {
        out.line("mode", mode == Mode.HTTP ? "http" : "tcp");
    }

    /** 4.2 "bind [&lt;address&gt;]:&lt;port_range&gt; [ssl crt &lt;pem&gt;... [alpn &lt;list&gt;]]" (5.1 "Bind options"). */
    private static void bind(Bind b, ConfigText out) {
        String ports = b.portRange().first() == b.portRange().last() ? Integer.toString(b.portRange().first())
                : b.portRange().first() + "-" + b.portRange().last();
        List<String> words = new ArrayList<>(List.of(HaproxyWords.word(HaproxyWords.hostPort(b.address(), ports))));
        b.ssl().ifPresent(tls -> {
            words.add("ssl");
            tls.certificates().forEach(c -> words.add("crt " + HaproxyWords.word(c)));
            if (tls.alpn().stream().anyMatch(a -> a.indexOf(',') >= 0)) {
                throw new IllegalArgumentException("haproxy.cfg cannot write an ALPN protocol with a comma: " + tls.alpn());
            }
            if (!tls.alpn().isEmpty()) {
                // 5.1 "alpn <protocols>": a comma-delimited list.
                words.add("alpn " + HaproxyWords.word(String.join(",", tls.alpn())));
            }
        });
        out.raw("bind " + String.join(" ", words));
    }

    /** 4.2 "option forwardfor [except &lt;network&gt;] [header &lt;name&gt;] [if-none]", "option http-server-close". */
    private static void options(ProxyOptions options, ConfigText out) {
        options.forwardFor().ifPresent(ff -> {
            List<String> words = new ArrayList<>(List.of("forwardfor"));
            ff.except().ifPresent(e -> words.addAll(List.of("except", e)));
            if (!ff.header().equals(ForwardFor.DEFAULT_HEADER)) {
                words.addAll(List.of("header", ff.header()));
            }
            if (ff.ifNone()) {
                words.add("if-none");
            }
            out.line("option", words.toArray(String[]::new));
        });
        if (options.connectionMode() == HttpConnectionMode.SERVER_CLOSE) {
            out.line("option", "http-server-close");
        }
    }

    /**
     * 7.1 "acl &lt;aclname&gt; &lt;criterion&gt; [flags] [operator] &lt;value&gt; ...": "--" ends the
     * flags when the first value starts with a dash ("The special '--' flag ... forces the end of
     * the flags").
     */
    private static void acl(Acl acl, ConfigText out) {
        List<String> words = new ArrayList<>(List.of(acl.name(), acl.criterion().fetch().keyword()
                + acl.criterion().header().map(h -> "(" + h + ")").orElse("")));
        if (acl.ignoreCase()) {
            words.add("-i");
        }
        if (acl.values().get(acl.values().size() - 1).isEmpty()) {
            // configuration.txt 2.2 / parse_line(): an empty last word of a line is not counted.
            throw new IllegalArgumentException("haproxy.cfg cannot write ACL '" + acl.name() + "' with an empty last value");
        }
        if (acl.values().get(0).startsWith("-")) {
            words.add("--");
        }
        words.addAll(acl.values());
        out.line("acl", words.toArray(String[]::new));
    }

    /** 4.2 "use_backend &lt;backend&gt; {if | unless} &lt;condition&gt;" (7.2, one AND-group). */
    private static void useBackend(BackendRule rule, ConfigText out) {
        List<String> words = new ArrayList<>(List.of(rule.backend(), rule.condition().unless() ? "unless" : "if"));
        if (rule.condition().referencedAcls().contains("or")) {
            throw new IllegalArgumentException("haproxy.cfg cannot use an ACL named 'or' in a condition: it is the OR"
                    + " operator there (configuration.txt 7.2)");
        }
        words.addAll(rule.condition().aclNames());
        out.line("use_backend", words.toArray(String[]::new));
    }

    /** 4.2 "balance &lt;algorithm&gt; [ &lt;arguments&gt; ]". */
    private static void balance(Balance b, ConfigText out) {
        List<String> words = new ArrayList<>();
        switch (b.algorithm()) {
            case URI:
                words.add("uri");
                b.uriLength().ifPresent(n -> words.addAll(List.of("len", Integer.toString(n))));
                b.uriDepth().ifPresent(n -> words.addAll(List.of("depth", Integer.toString(n))));
                if (b.uriWhole()) {
                    words.add("whole");
                }
                break;
            case URL_PARAM:
                words.addAll(List.of("url_param", b.name().orElseThrow()));
                if (b.checkPost()) {
                    words.add("check_post");
                }
                break;
            case HDR:
                words.add("hdr(" + b.name().orElseThrow() + ")");
                if (b.useDomainOnly()) {
                    words.add("use_domain_only");
                }
                break;
            case RDP_COOKIE:
                String cookie = b.name().orElseThrow();
                words.add(cookie.equals(Balance.DEFAULT_RDP_COOKIE) ? "rdp-cookie" : "rdp-cookie(" + cookie + ")");
                break;
            case RANDOM:
                words.add(b.draws() == Balance.DEFAULT_DRAWS ? "random" : "random(" + b.draws() + ")");
                break;
            case HASH:
                words.addAll(List.of("hash", b.hashExpression().orElseThrow()));
                break;
            default:
                words.add(b.algorithm().keyword());
        }
        out.line("balance", words.toArray(String[]::new));
    }

    /**
     * 4.2 "option httpchk &lt;method&gt; &lt;uri&gt; &lt;version&gt;", always all three words (the
     * one-word form would be read as a URI), then each "http-check expect [!] &lt;match&gt; &lt;pattern&gt;".
     */
    private static void healthCheck(HealthCheck check, ConfigText out) {
        out.line("option", "httpchk", check.method(), check.uri(), check.version());
        for (HttpCheckExpect expect : check.expects()) {
            List<String> words = new ArrayList<>(List.of("expect"));
            if (expect.negated()) {
                words.add("!");
            }
            words.addAll(List.of(expect.match().keyword(), expect.pattern()));
            out.line("http-check", words.toArray(String[]::new));
        }
    }

    /**
     * 4.2 "server &lt;name&gt; &lt;address&gt;[:port] [param*]" with the 5.2 parameters that differ
     * from their default; fastinter and downinter are left out when equal to inter, which is what
     * they default to.
     */
    private static void server(Server s, ConfigText out) {
        List<String> words = new ArrayList<>(List.of(s.name(), HaproxyWords.hostPort(s.host(),
                s.port() == 0 ? "" : Integer.toString(s.port()))));
        if (s.check()) {
            words.add("check");
        }
        if (!s.inter().equals(Server.DEFAULT_INTER)) {
            words.addAll(List.of("inter", HaproxyWords.time(s.inter())));
        }
        if (!s.fastinter().equals(s.inter())) {
            words.addAll(List.of("fastinter", HaproxyWords.time(s.fastinter())));
        }
        if (!s.downinter().equals(s.inter())) {
            words.addAll(List.of("downinter", HaproxyWords.time(s.downinter())));
        }
        intParameter(words, "rise", s.rise(), Server.DEFAULT_RISE);
        intParameter(words, "fall", s.fall(), Server.DEFAULT_FALL);
        intParameter(words, "weight", s.weight(), Server.DEFAULT_WEIGHT);
        if (s.backup()) {
            words.add("backup");
        }
        intParameter(words, "maxconn", s.maxconn(), 0);
        s.maxqueue().ifPresent(limit -> words.addAll(List.of("maxqueue", Integer.toString(limit))));
        if (s.disabled()) {
            words.add("disabled");
        }
        if (!s.slowstart().isZero()) {
            words.addAll(List.of("slowstart", HaproxyWords.time(s.slowstart())));
        }
        if (s.sendProxy()) {
            words.add("send-proxy");
        }
        out.line("server", words.toArray(String[]::new));
    }

    private static void intParameter(List<String> words, String keyword, int value, int defaultValue) {
        if (value != defaultValue) {
            words.addAll(List.of(keyword, Integer.toString(value)));
        }
    }
}
