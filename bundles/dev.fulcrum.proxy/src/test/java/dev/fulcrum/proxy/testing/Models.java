package dev.fulcrum.proxy.testing;

import dev.fulcrum.api.model.proxy.Acl;
import dev.fulcrum.api.model.proxy.Backend;
import dev.fulcrum.api.model.proxy.BackendRule;
import dev.fulcrum.api.model.proxy.Balance;
import dev.fulcrum.api.model.proxy.Bind;
import dev.fulcrum.api.model.proxy.Frontend;
import dev.fulcrum.api.model.proxy.LogSettings;
import dev.fulcrum.api.model.proxy.Mode;
import dev.fulcrum.api.model.proxy.PortRange;
import dev.fulcrum.api.model.proxy.ProxyConfig;
import dev.fulcrum.api.model.proxy.ProxyGlobal;
import dev.fulcrum.api.model.proxy.ProxyOptions;
import dev.fulcrum.api.model.proxy.Server;
import dev.fulcrum.api.model.proxy.Timeouts;
import dev.fulcrum.testing.FreePorts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Small builders for proxy models in tests, with HAProxy's defaults where a test does not care. */
public final class Models {

    private Models() {
    }

    public static Timeouts timeouts(Duration client, Duration server, Duration connect) {
        return new Timeouts(Optional.ofNullable(client), Optional.ofNullable(server), Optional.ofNullable(connect),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Timeouts withHttpRequest(Timeouts t, Duration httpRequest) {
        return new Timeouts(t.client(), t.server(), t.connect(), Optional.of(httpRequest), t.httpKeepAlive(),
                t.queue(), t.tunnel(), t.check());
    }

    /** The timeouts with {@code timeout queue} set (configuration.txt 4.2). */
    public static Timeouts withQueue(Timeouts t, Duration queue) {
        return new Timeouts(t.client(), t.server(), t.connect(), t.httpRequest(), t.httpKeepAlive(), Optional.of(queue),
                t.tunnel(), t.check());
    }

    /** The timeouts with {@code timeout tunnel} set (configuration.txt 4.2). */
    public static Timeouts withTunnel(Timeouts t, Duration tunnel) {
        return new Timeouts(t.client(), t.server(), t.connect(), t.httpRequest(), t.httpKeepAlive(), t.queue(),
                Optional.of(tunnel), t.check());
    }

    public static Frontend frontend(String name, Mode mode, int port, String backend, Timeouts timeouts, int maxconn) {
        return frontend(name, mode, List.of(bind("127.0.0.1", port)), backend, timeouts, maxconn, List.of(), List.of(),
                ProxyOptions.DEFAULT);
    }

    public static Frontend frontend(String name, Mode mode, List<Bind> binds, String backend, Timeouts timeouts,
            int maxconn, List<Acl> acls, List<BackendRule> rules, ProxyOptions options) {
        return new Frontend(name, binds, mode, timeouts, maxconn, acls, rules, Optional.ofNullable(backend),
                LogSettings.NONE, mode == Mode.HTTP ? options : ProxyOptions.DEFAULT);
    }

    public static Bind bind(String address, int port) {
        return new Bind(address, PortRange.of(port), Optional.empty());
    }

    public static Backend backend(String name, Mode mode, Timeouts timeouts, int retries, boolean redispatch,
            List<Server> servers) {
        return new Backend(name, mode, Balance.DEFAULT, servers, Optional.empty(), timeouts, retries, redispatch,
                ProxyOptions.DEFAULT, LogSettings.NONE);
    }

    public static Server server(String name, int port) {
        return Server.of(name, "127.0.0.1", port);
    }

    /** A server with {@code maxconn} (configuration.txt 5.2), other parameters at their defaults. */
    public static Server server(String name, int port, int maxconn) {
        Server d = server(name, port);
        return new Server(d.name(), d.host(), d.port(), d.check(), d.inter(), d.fastinter(), d.downinter(), d.rise(),
                d.fall(), d.weight(), d.backup(), maxconn, d.disabled(), d.slowstart(), d.sendProxy());
    }

    public static ProxyConfig config(List<Frontend> frontends, List<Backend> backends) {
        return new ProxyConfig(ProxyGlobal.defaults(), frontends, backends);
    }

    /** A port nothing listens on right now, outside the kernel's ephemeral range ({@link FreePorts}). */
    public static int freePort() {
        return FreePorts.next();
    }
}
